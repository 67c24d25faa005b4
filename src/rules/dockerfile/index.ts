import type { AnyRule } from '../types.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import noAdd from './no-add.js';
import noAddRemote from './no-add-remote.js';
import noCd from './no-cd.js';
import noCurlPipeShell from './no-curl-pipe-shell.js';
import noLatestTag from './no-latest-tag.js';
import noMaintainer from './no-maintainer.js';
import noMultipleCmdEntrypoint from './no-multiple-cmd-entrypoint.js';
import noPackageUpgrade from './no-package-upgrade.js';
import noRootUser from './no-root-user.js';
import noSecretFiles from './no-secret-files.js';
import noSecretsInEnvArg from './no-secrets-in-env-arg.js';
import noSecretsInRun from './no-secrets-in-run.js';
import noSetuid from './no-setuid.js';
import noSourceBuildsInFinalStage from './no-source-builds-in-final-stage.js';
import noSsh from './no-ssh.js';
import noSudo from './no-sudo.js';
import noUntrustedRegistry from './no-untrusted-registry.js';
import noUnverifiedDownload from './no-unverified-download.js';
import noWorldWritable from './no-world-writable.js';
import pinPackageVersions from './pin-package-versions.js';
import preferMinimalBaseImage from './prefer-minimal-base-image.js';
import requireAbsoluteWorkdir from './require-absolute-workdir.js';
import requireApkNoCache from './require-apk-no-cache.js';
import requireDigestPinning from './require-digest-pinning.js';
import requireDockerignore from './require-dockerignore.js';
import requireExecForm from './require-exec-form.js';
import requireHealthcheck from './require-healthcheck.js';
import requireNoInstallRecommends from './require-no-install-recommends.js';
import requireOciLabels from './require-oci-labels.js';
import requirePackageCacheCleanup from './require-package-cache-cleanup.js';
import requirePipNoCacheDir from './require-pip-no-cache-dir.js';
import requirePipefail from './require-pipefail.js';

export const dockerfileRules: readonly AnyRule[] = [
  noLatestTag,
  requireDigestPinning,
  noUntrustedRegistry,
  preferMinimalBaseImage,
  noAdd,
  noAddRemote,
  copyFromUnknownStage,
  noRootUser,
  noSudo,
  noSecretsInEnvArg,
  noSecretsInRun,
  noSecretFiles,
  requireDockerignore,
  noCurlPipeShell,
  noUnverifiedDownload,
  noPackageUpgrade,
  requireNoInstallRecommends,
  pinPackageVersions,
  requirePackageCacheCleanup,
  requireApkNoCache,
  requirePipNoCacheDir,
  noSourceBuildsInFinalStage,
  noWorldWritable,
  noSetuid,
  noSsh,
  requireHealthcheck,
  requireOciLabels,
  requireAbsoluteWorkdir,
  noCd,
  noMaintainer,
  noMultipleCmdEntrypoint,
  requireExecForm,
  requirePipefail,
];
