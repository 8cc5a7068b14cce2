#!/usr/bin/env python3
"""Proofgate Python worker: the far end of the bridge protocol (standard library only).

Frame: 4-byte big-endian length N, then N bytes = 1 flags byte (bit 0: zlib-compressed) + UTF-8 JSON.
Requests {id, command, args}; responses {id, ok: true, result} or {id, ok: false, error: {type, message}}.
A frame the worker cannot read is answered with an error frame (id null) and the worker keeps serving.
The full protocol is written down in platform/README.md.
"""

import argparse
import hashlib
import json
import math
import os
import re
import struct
import sys
import time
import zlib

PROTOCOL_VERSION = 1
FLAG_COMPRESSED = 0x01
COMPRESS_ABOVE_BYTES = 64 * 1024
DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024
# Deepest nesting of arrays and objects a request may have. Python's json parser recurses, so a deeper
# request would raise RecursionError; it is refused before parsing, by a scan that does not recurse.
MAX_NESTING = 200
# How much of a frame that cannot be read whole (too large, or inflating too far) is scanned for its request id.
ID_SCAN_BYTES = 64 * 1024
TYPES = ["string", "integer", "float", "boolean", "map", "list", "optional", "confidence_score", "reasoning_chain"]


def nesting_depth(text):
    """Deepest nesting of arrays and objects in a JSON text, counted without recursion (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def request_id_of(text):
    """The top-level "id" of a request that cannot be parsed whole, found without recursion; None if there is none."""
    depth = 0
    i = 0
    decoder = json.JSONDecoder()
    length = len(text)
    while i < length:
        char = text[i]
        if char == '"':
            try:
                key, end = decoder.raw_decode(text, i)
            except ValueError:
                return None
            if depth == 1 and key == "id":
                rest = text[end:].lstrip()
                if rest.startswith(":"):
                    value_text = rest[1:].lstrip()
                    if value_text[:1] in "[{":
                        return None
                    try:
                        value, _ = decoder.raw_decode(value_text)
                        return value
                    except ValueError:
                        return None
            i = end
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        i += 1
    return None


def compressed_request_id(payload):
    """The request id from the first 64 KiB of a compressed payload that cannot be inflated whole."""
    try:
        prefix = zlib.decompressobj().decompress(payload, ID_SCAN_BYTES)
    except zlib.error:
        return None
    return request_id_of(prefix.decode("utf-8", "replace"))


def oversized_request_id(head):
    """The request id from the first bytes of a frame too large to read (flags byte, then the payload's start)."""
    if not head:
        return None
    flags, payload = head[0], head[1:]
    if flags & FLAG_COMPRESSED:
        return compressed_request_id(payload)
    return request_id_of(payload.decode("utf-8", "replace"))


class ProtocolError(Exception):
    """An error answered to the client as {ok: false, error: {type, message}}."""

    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type
        self.message = message


# --- the deterministic model (the same rules as DeterministicModel.java) -------------------------

def model_text(signature, inputs):
    parts = []
    for field in signature["inputs"]:
        value = inputs.get(field["name"])
        if isinstance(value, str):
            parts.append(value)
    return " ".join(parts)


# Unicode White_Space, as Java's (?U)\s: str.split() would also split on \x1c-\x1f, which Java does not.
WHITE_SPACE = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def words(text):
    return len([word for word in WHITE_SPACE.split(text) if word])


def seed(text, field):
    digest = hashlib.sha256((text + "|" + field).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big")


def _sized(value, limits):
    if limits.get("maxLength") is not None and len(value) > limits["maxLength"]:
        value = value[: limits["maxLength"]]
    while limits.get("minLength") is not None and len(value) < limits["minLength"]:
        value += "."
    return value


def _clamp_int(value, limits):
    if limits.get("min") is not None and value < limits["min"]:
        value = int(math.ceil(limits["min"]))
    if limits.get("max") is not None and value > limits["max"]:
        value = int(math.floor(limits["max"]))
    return value


def _clamp_float(value, limits):
    if limits.get("min") is not None and value < limits["min"]:
        value = float(limits["min"])
    if limits.get("max") is not None and value > limits["max"]:
        value = float(limits["max"])
    return value


def model_value(type_, field, text, s, limits):
    kind = type_["kind"]
    if kind == "string":
        return _sized(field + " for '" + text + "'", limits)
    if kind == "integer":
        return _clamp_int(s % 100, limits)
    if kind == "float":
        return _clamp_float((s % 10000) / 100.0, limits)
    if kind == "boolean":
        return s % 2 == 0
    if kind == "map":
        return {"field": field, "words": words(text)}
    if kind == "confidence_score":
        return _clamp_float(0.5 + (s % 50) / 100.0, limits)
    if kind == "optional":
        return model_value(type_["element"], field, text, s, limits)
    if kind == "list":
        count = 3
        if limits.get("minLength") is not None:
            count = max(count, limits["minLength"])
        if limits.get("maxLength") is not None:
            count = min(count, limits["maxLength"])
        return [model_value(type_["element"], field, text, s + i, {}) for i in range(count)]
    if kind == "reasoning_chain":
        return [
            {"step": 1, "reasoning": "Read the inputs: '" + text + "'"},
            {"step": 2, "reasoning": "Weigh what the inputs say about " + field},
            {"step": 3, "reasoning": "Conclude " + field + " from steps 1 and 2"},
        ]
    raise ProtocolError("invalid_arguments", "unknown type kind '%s'" % kind)


def model_outputs(signature, inputs):
    text = model_text(signature, inputs)
    return {
        field["name"]: model_value(field["type"], field["name"], text, seed(text, field["name"]), field.get("constraints") or {})
        for field in signature["outputs"]
    }


# --- the worker ---------------------------------------------------------------------------------

class Worker:
    def __init__(self, stdin, stdout, max_frame_bytes=DEFAULT_MAX_FRAME_BYTES):
        self.stdin = stdin
        self.stdout = stdout
        self.max_frame_bytes = max_frame_bytes
        self.started = time.monotonic()
        self.requests_served = 0
        self.running = True

    # framing
    def _read_exact(self, n):
        chunks = []
        remaining = n
        while remaining > 0:
            chunk = self.stdin.read(remaining)
            if not chunk:
                return None
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def _discard(self, n):
        while n > 0:
            chunk = self.stdin.read(min(n, 65536))
            if not chunk:
                return False
            n -= len(chunk)
        return True

    def send(self, message):
        payload = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        flags = 0
        if len(payload) > COMPRESS_ABOVE_BYTES:
            payload = zlib.compress(payload)
            flags = FLAG_COMPRESSED
        self.stdout.write(struct.pack(">I", len(payload) + 1) + bytes([flags]) + payload)
        self.stdout.flush()

    def send_error(self, request_id, error_type, message):
        self.send({"id": request_id, "ok": False, "error": {"type": error_type, "message": message}})

    def serve(self):
        while self.running:
            header = self._read_exact(4)
            if header is None:
                return
            (length,) = struct.unpack(">I", header)
            if length == 0:
                self.send_error(None, "malformed_frame", "frame length is 0; a frame holds at least the flags byte")
                continue
            if length > self.max_frame_bytes:
                # only the first 64 KiB are kept, to find the request's id; the rest is read and dropped
                head = self._read_exact(min(length, ID_SCAN_BYTES))
                if head is None or not self._discard(length - len(head)):
                    return
                self.send_error(oversized_request_id(head), "frame_too_large",
                                "frame of %d bytes exceeds the limit of %d bytes" % (length, self.max_frame_bytes))
                continue
            body = self._read_exact(length)
            if body is None:
                return
            self.handle_frame(body)

    def handle_frame(self, body):
        flags, payload = body[0], body[1:]
        request_id = None
        try:
            if flags & ~FLAG_COMPRESSED:
                raise ProtocolError("malformed_frame", "unknown flag bits 0x%02x" % flags)
            if flags & FLAG_COMPRESSED:
                try:
                    payload = self.inflate(payload)
                except ProtocolError:
                    request_id = compressed_request_id(payload)
                    raise
            try:
                text = payload.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ProtocolError("malformed_frame", "payload is not UTF-8 JSON: %s" % e)
            if text.count("[") + text.count("{") > MAX_NESTING and nesting_depth(text) > MAX_NESTING:
                request_id = request_id_of(text)
                raise ProtocolError("invalid_arguments", "request nests deeper than %d levels" % MAX_NESTING)
            try:
                request = json.loads(text)
            except RecursionError:
                request_id = request_id_of(text)
                raise ProtocolError("invalid_arguments", "request nests too deeply to be read")
            except ValueError as e:
                request_id = request_id_of(text)
                raise ProtocolError("malformed_frame", "payload is not UTF-8 JSON: %s" % e)
            if not isinstance(request, dict):
                raise ProtocolError("malformed_frame", "a request is a JSON object {id, command, args}")
            request_id = request.get("id")
            command = request.get("command")
            if not isinstance(command, str):
                raise ProtocolError("malformed_frame", "request has no command")
            args = request.get("args") or {}
            if not isinstance(args, dict):
                raise ProtocolError("invalid_arguments", "args must be an object")
            result = self.dispatch(command, args)
            self.requests_served += 1
            self.send({"id": request_id, "ok": True, "result": result})
            if command == "shutdown":
                self.running = False
        except ProtocolError as e:
            self.send_error(request_id, e.error_type, e.message)
        except Exception as e:  # a bug in a command must not take the worker down
            self.send_error(request_id, "execution_error", "%s: %s" % (type(e).__name__, e))

    def inflate(self, payload):
        """Inflates at most max_frame_bytes: a small compressed frame must not grow the worker without bound."""
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(payload, self.max_frame_bytes + 1)
        except zlib.error as e:
            raise ProtocolError("malformed_frame", "payload is not valid zlib data: %s" % e)
        if len(inflated) > self.max_frame_bytes or inflater.unconsumed_tail:
            raise ProtocolError("frame_too_large", "compressed payload inflates beyond the limit of %d bytes" % self.max_frame_bytes)
        if not inflater.eof:
            raise ProtocolError("malformed_frame", "payload is not valid zlib data: truncated stream")
        return inflated

    # commands
    def dispatch(self, command, args):
        if command == "health_check":
            return {
                "status": "ok",
                "protocol_version": PROTOCOL_VERSION,
                "pid": os.getpid(),
                "uptime_seconds": round(time.monotonic() - self.started, 3),
                "requests_served": self.requests_served,
            }
        if command == "describe":
            return {
                "name": "proofgate-python-worker",
                "protocol_version": PROTOCOL_VERSION,
                "commands": ["health_check", "describe", "execute", "shutdown"],
                "output_types": [":" + t for t in TYPES],
                "compression": "zlib",
                "max_frame_bytes": self.max_frame_bytes,
                "python": sys.version.split()[0],
            }
        if command == "execute":
            return self.execute(args)
        if command == "shutdown":
            return {"status": "stopping", "requests_served": self.requests_served}
        raise ProtocolError("unknown_command", "unknown command '%s'; known: health_check, describe, execute, shutdown" % command)

    def execute(self, args):
        signature = args.get("signature")
        inputs = args.get("inputs")
        config = args.get("config") or {}
        if not isinstance(signature, dict) or not isinstance(signature.get("inputs"), list) or not isinstance(signature.get("outputs"), list):
            raise ProtocolError("invalid_arguments", "execute needs signature {name, inputs: [...], outputs: [...]}")
        if not isinstance(inputs, dict):
            raise ProtocolError("invalid_arguments", "execute needs inputs as an object")
        if not isinstance(config, dict):
            raise ProtocolError("invalid_arguments", "config must be an object")
        for field in signature["inputs"] + signature["outputs"]:
            if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not isinstance(field.get("type"), dict):
                raise ProtocolError("invalid_arguments", "every field needs a name and a type {kind, element?}")
        latency_ms = config.get("latency_ms") or 0
        if not isinstance(latency_ms, (int, float)) or latency_ms < 0:
            raise ProtocolError("invalid_arguments", "latency_ms must be a non-negative number")
        if latency_ms:
            time.sleep(latency_ms / 1000.0)
        if config.get("fail_with"):
            raise ProtocolError("execution_error", str(config["fail_with"]))
        return {"outputs": model_outputs(signature, inputs)}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Proofgate bridge worker (speaks the frame protocol on stdin/stdout)")
    parser.add_argument("--max-frame-bytes", type=int, default=DEFAULT_MAX_FRAME_BYTES)
    options = parser.parse_args(argv)
    Worker(sys.stdin.buffer, sys.stdout.buffer, options.max_frame_bytes).serve()


if __name__ == "__main__":
    main()
