#!/usr/bin/env python3
"""A TCP link with faults on command, put between the platform and its database by
docker-compose.faults.yml: the compose mode's counterpart of the suite's TcpFaultProxy, with the same
faults and the same meaning (named after Toxiproxy's toxics):

  cut     resets every open connection and refuses (resets) new ones until heal
  slow    delays every chunk in each direction by the given milliseconds
  reset   resets every open connection once; new ones go through
  heal    removes every fault

Control over HTTP: POST /cut, POST /slow?ms=50, POST /reset, POST /heal; GET /status answers
{"cut": false, "latency_ms": 0, "open": 3}. Standard library only.

  python3 database_link.py --listen 5432 --upstream postgres:5432 --control 8474
"""
import argparse
import json
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

CHUNK = 16 * 1024


def abort(sock):
    """Closes with a reset (RST), as a dropped route or a crashed peer looks to the other side."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.shutdown(socket.SHUT_RD)  # wakes a thread blocked reading it
    except OSError:
        pass
    sock.close()


class Link:
    def __init__(self, upstream):
        self.upstream = upstream
        self.cut = False
        self.latency = 0.0
        self.lock = threading.Lock()
        self.pairs = set()

    def serve(self, listener):
        while True:
            client, _ = listener.accept()
            if self.cut:
                abort(client)
                continue
            threading.Thread(target=self.open, args=(client,), daemon=True).start()

    def open(self, client):
        try:
            server = socket.create_connection(self.upstream, timeout=2)
            server.settimeout(None)
        except OSError:
            abort(client)
            return
        for sock in (client, server):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pair = (client, server)
        with self.lock:
            self.pairs.add(pair)
        threading.Thread(target=self.pump, args=(pair, client, server), daemon=True).start()
        threading.Thread(target=self.pump, args=(pair, server, client), daemon=True).start()

    def pump(self, pair, source, target):
        try:
            while True:
                data = source.recv(CHUNK)
                if not data:
                    break
                delay = self.latency
                if delay:
                    time.sleep(delay)
                target.sendall(data)
        except OSError:
            pass
        finally:
            self.close(pair, abort)

    def close(self, pair, how):
        with self.lock:
            if pair not in self.pairs:
                return
            self.pairs.discard(pair)
        for sock in pair:
            how(sock)

    def reset_all(self):
        with self.lock:
            pairs = list(self.pairs)
        for pair in pairs:
            self.close(pair, abort)

    def status(self):
        with self.lock:
            return {"cut": self.cut, "latency_ms": int(self.latency * 1000), "open": len(self.pairs)}


def control(link):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if urlparse(self.path).path == "/status":
                self.answer(200, link.status())
            else:
                self.answer(404, {"error": "unknown path"})

        def do_POST(self):
            url = urlparse(self.path)
            if url.path == "/cut":
                link.cut = True
                link.reset_all()
            elif url.path == "/slow":
                try:
                    link.latency = int(parse_qs(url.query)["ms"][0]) / 1000.0
                except (KeyError, ValueError):
                    self.answer(400, {"error": "slow needs ?ms=<whole milliseconds>"})
                    return
            elif url.path == "/reset":
                link.reset_all()
            elif url.path == "/heal":
                link.cut = False
                link.latency = 0.0
            else:
                self.answer(404, {"error": "unknown path"})
                return
            self.answer(200, link.status())

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):
            print("database-link control: " + fmt % args, flush=True)

    return Handler


def main():
    parser = argparse.ArgumentParser(description="a TCP link with faults on command")
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="host:port")
    parser.add_argument("--control", type=int, required=True)
    args = parser.parse_args()
    host, port = args.upstream.rsplit(":", 1)
    link = Link((host, int(port)))
    listener = socket.create_server(("0.0.0.0", args.listen), backlog=200, reuse_port=False)
    threading.Thread(target=link.serve, args=(listener,), daemon=True).start()
    print(f"database-link: {args.listen} -> {args.upstream}, control on {args.control}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", args.control), control(link)).serve_forever()


if __name__ == "__main__":
    main()
