// A test peer: the Kubernetes RBAC authorizer itself (k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac),
// fed with roles and bindings from standard input, answering a list of requests. Test-only code:
// greenbelt's model is cross-checked against it on random cases (test/rbac-peer.test.ts).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apiserver/pkg/authentication/user"
	"k8s.io/apiserver/pkg/authorization/authorizer"
	rbacauthorizer "k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac"
)

type input struct {
	Roles               []*rbacv1.Role               `json:"roles"`
	ClusterRoles        []*rbacv1.ClusterRole        `json:"clusterRoles"`
	RoleBindings        []*rbacv1.RoleBinding        `json:"roleBindings"`
	ClusterRoleBindings []*rbacv1.ClusterRoleBinding `json:"clusterRoleBindings"`
	Requests            []request                    `json:"requests"`
}

type request struct {
	User        string   `json:"user"`
	Groups      []string `json:"groups"`
	Verb        string   `json:"verb"`
	NonResource bool     `json:"nonResource"`
	Path        string   `json:"path"`
	Group       string   `json:"group"`
	Resource    string   `json:"resource"`
	Subresource string   `json:"subresource"`
	Name        string   `json:"name"`
	Namespace   string   `json:"namespace"`
}

type store struct{ in *input }

func (s store) GetRole(_ context.Context, namespace, name string) (*rbacv1.Role, error) {
	for _, r := range s.in.Roles {
		if r.Namespace == namespace && r.Name == name {
			return r, nil
		}
	}
	return nil, fmt.Errorf("role %s/%s not found", namespace, name)
}

func (s store) GetClusterRole(_ context.Context, name string) (*rbacv1.ClusterRole, error) {
	for _, r := range s.in.ClusterRoles {
		if r.Name == name {
			return r, nil
		}
	}
	return nil, fmt.Errorf("clusterrole %s not found", name)
}

func (s store) ListRoleBindings(_ context.Context, namespace string) ([]*rbacv1.RoleBinding, error) {
	var out []*rbacv1.RoleBinding
	for _, b := range s.in.RoleBindings {
		if b.Namespace == namespace {
			out = append(out, b)
		}
	}
	return out, nil
}

func (s store) ListClusterRoleBindings(_ context.Context) ([]*rbacv1.ClusterRoleBinding, error) {
	return s.in.ClusterRoleBindings, nil
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	s := store{&in}
	a := rbacauthorizer.New(s, s, s, s)
	answers := make([]bool, 0, len(in.Requests))
	for _, r := range in.Requests {
		attrs := authorizer.AttributesRecord{
			User:            &user.DefaultInfo{Name: r.User, Groups: r.Groups},
			Verb:            r.Verb,
			ResourceRequest: !r.NonResource,
			Path:            r.Path,
			APIGroup:        r.Group,
			Resource:        r.Resource,
			Subresource:     r.Subresource,
			Name:            r.Name,
			Namespace:       r.Namespace,
		}
		decision, _, _ := a.Authorize(context.Background(), attrs)
		answers = append(answers, decision == authorizer.DecisionAllow)
	}
	if err := json.NewEncoder(os.Stdout).Encode(answers); err != nil {
		os.Exit(2)
	}
}
