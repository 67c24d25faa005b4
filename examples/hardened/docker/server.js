// A minimal web service for the example: GET / answers, GET /healthz reports health.
const http = require('node:http');

const port = Number(process.env.PORT ?? 3000);

http
  .createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('shop is open\n');
  })
  .listen(port, () => console.log(`listening on ${port}`));
