"""A JSON HTTP server on 127.0.0.1 for hostile cases (lib.sh's start_recorder, start_pull_request).

serve(port_file, answer) answers every GET with answer(handler) -> (status, body text), writes
its port to port_file, and serves until the process ends.
"""
import http.server


def serve(port_file, answer):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            status, body = answer(self)
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()
