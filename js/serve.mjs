// Serves the demo page (www/) and the built package (pkg/) on localhost, nothing else.
// Usage: node js/serve.mjs [--port N]   (default 8080; EKDO_PORT also works)
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const portArg = process.argv.indexOf("--port");
const port = Number(portArg >= 0 ? process.argv[portArg + 1] : process.env.EKDO_PORT || 8080);
const allowed = ["www", "pkg", "tests/data/signatures"];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".xml": "application/xml",
};

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (path === "/") {
    res.writeHead(302, { location: "/www/" });
    return res.end();
  }
  if (path.endsWith("/")) path += "index.html";
  const rel = normalize(path).replace(/^[/\\]+/, "");
  if (rel.includes("..") || !allowed.some((a) => rel === a || rel.startsWith(a + sep) || rel.startsWith(a + "/"))) {
    res.writeHead(404);
    return res.end("not found");
  }
  const file = join(root, rel);
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    res.writeHead(404);
    return res.end("not found");
  }
  res.writeHead(200, {
    "content-type": types[extname(file)] || "application/octet-stream",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
  });
  createReadStream(file).pipe(res);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`Демо-страница / demo page: http://127.0.0.1:${server.address().port}/www/`);
});
