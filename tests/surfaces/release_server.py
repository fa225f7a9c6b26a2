#!/usr/bin/env python3
"""A loopback web server with a release layout, for tests/surfaces/action_download.sh:
  GET /download/v<version>/<file>                   GitHub's layout: ROOT/<version>/<file>
  GET /group/riskgate/-/releases/v<version>/downloads/<file>
                                                    GitLab's permalink: 302 to /blob/v<version>/<file>
  GET /blob/v<version>/<file>                       ROOT/<version>/<file>
Every request is appended to LOG as one JSON line: path and the JOB-TOKEN header it carried.
Usage: release_server.py ROOT PORT_FILE LOG (binds 127.0.0.1 on a free port, written to PORT_FILE)."""
import http.server
import json
import os
import re
import sys

ROOT, PORT_FILE, LOG = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"path": self.path,
                                  "job_token": self.headers.get("JOB-TOKEN")}) + "\n")
        gitlab = re.fullmatch(r"/group/riskgate/-/releases/v([^/]+)/downloads/([^/]+)", self.path)
        if gitlab:
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}"
                                         f"/blob/v{gitlab.group(1)}/{gitlab.group(2)}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        match = re.fullmatch(r"/(?:download|blob)/v([^/]+)/([^/]+)", self.path)
        path = os.path.join(ROOT, match.group(1), match.group(2)) if match else ""
        if not match or ".." in self.path or not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w", encoding="utf-8") as f:
    f.write(str(server.server_port))
os.replace(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
