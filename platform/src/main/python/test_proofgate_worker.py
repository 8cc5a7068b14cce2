import io
import json
import struct
import unittest
import zlib

import proofgate_worker as pw


def frame(message, compress=False, flags=None):
    payload = json.dumps(message).encode("utf-8") if not isinstance(message, bytes) else message
    if compress:
        payload = zlib.compress(payload)
    f = (pw.FLAG_COMPRESSED if compress else 0) if flags is None else flags
    return struct.pack(">I", len(payload) + 1) + bytes([f]) + payload


def run(data, max_frame_bytes=pw.DEFAULT_MAX_FRAME_BYTES):
    out = io.BytesIO()
    pw.Worker(io.BytesIO(data), out, max_frame_bytes).serve()
    return read_all(out.getvalue())


def read_all(data):
    responses = []
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        body = data[offset + 4:offset + 4 + length]
        payload = zlib.decompress(body[1:]) if body[0] & 1 else body[1:]
        responses.append(json.loads(payload.decode("utf-8")))
        offset += 4 + length
    return responses


SEED_OF_SKY_ANSWER = 879428898

QA = {
    "name": "qa",
    "inputs": [{"name": "question", "type": {"kind": "string"}, "constraints": {}}],
    "outputs": [
        {"name": "answer", "type": {"kind": "string"}, "constraints": {}},
        {"name": "reasoning", "type": {"kind": "reasoning_chain"}, "constraints": {}},
        {"name": "confidence", "type": {"kind": "confidence_score"}, "constraints": {}},
        {"name": "scores", "type": {"kind": "list", "element": {"kind": "optional", "element": {"kind": "integer"}}}, "constraints": {}},
        {"name": "facts", "type": {"kind": "map"}, "constraints": {}},
        {"name": "ratio", "type": {"kind": "float"}, "constraints": {"max": 5.0}},
        {"name": "flag", "type": {"kind": "boolean"}, "constraints": {}},
    ],
}


class ProtocolTest(unittest.TestCase):

    def test_health_check_reports_status_version_and_counts(self):
        [response] = run(frame({"id": "1", "command": "health_check", "args": {}}))
        self.assertTrue(response["ok"])
        self.assertEqual("1", response["id"])
        self.assertEqual("ok", response["result"]["status"])
        self.assertEqual(pw.PROTOCOL_VERSION, response["result"]["protocol_version"])
        self.assertEqual(0, response["result"]["requests_served"])

    def test_describe_lists_commands_and_types(self):
        [response] = run(frame({"id": 2, "command": "describe"}))
        self.assertIn("execute", response["result"]["commands"])
        self.assertIn(":reasoning_chain", response["result"]["output_types"])

    def test_execute_fills_every_declared_output_type(self):
        [response] = run(frame({"id": 3, "command": "execute", "args": {"signature": QA, "inputs": {"question": "Why is the sky blue?"}}}))
        outputs = response["result"]["outputs"]
        self.assertEqual("answer for 'Why is the sky blue?'", outputs["answer"])
        self.assertGreaterEqual(len(outputs["reasoning"]), 2)
        self.assertTrue(all(set(step) == {"step", "reasoning"} for step in outputs["reasoning"]))
        self.assertTrue(0 <= outputs["confidence"] <= 1)
        self.assertEqual(3, len(outputs["scores"]))
        self.assertTrue(all(isinstance(score, int) for score in outputs["scores"]))
        self.assertEqual({"field": "facts", "words": 5}, outputs["facts"])
        self.assertLessEqual(outputs["ratio"], 5.0)
        self.assertIsInstance(outputs["flag"], bool)

    def test_execute_is_deterministic(self):
        request = frame({"id": 1, "command": "execute", "args": {"signature": QA, "inputs": {"question": "same"}}})
        first, second = run(request + request)
        self.assertEqual(first["result"], second["result"])

    def test_compressed_request_gets_answered(self):
        [response] = run(frame({"id": 4, "command": "health_check"}, compress=True))
        self.assertTrue(response["ok"])

    def test_large_response_is_compressed(self):
        out = io.BytesIO()
        worker = pw.Worker(io.BytesIO(b""), out)
        worker.send({"id": 1, "ok": True, "result": "x" * (pw.COMPRESS_ABOVE_BYTES + 10)})
        self.assertEqual(pw.FLAG_COMPRESSED, out.getvalue()[4])
        self.assertEqual(1, len(read_all(out.getvalue())))

    def test_malformed_frame_is_answered_and_worker_keeps_serving(self):
        responses = run(frame(b"{not json") + frame({"id": "after", "command": "health_check"}))
        self.assertEqual("malformed_frame", responses[0]["error"]["type"])
        self.assertIsNone(responses[0]["id"])
        self.assertTrue(responses[1]["ok"])

    def test_corrupt_zlib_and_unknown_flags_are_malformed(self):
        responses = run(frame(b"not zlib", flags=1) + frame({"id": 1, "command": "describe"}, flags=0x80))
        self.assertEqual(["malformed_frame", "malformed_frame"], [r["error"]["type"] for r in responses])

    def test_empty_frame_is_malformed(self):
        responses = run(struct.pack(">I", 0) + frame({"id": 1, "command": "health_check"}))
        self.assertEqual("malformed_frame", responses[0]["error"]["type"])
        self.assertTrue(responses[1]["ok"])

    def test_oversized_frame_is_refused_and_skipped(self):
        big = frame({"id": 1, "command": "describe", "args": {"pad": "x" * 5000}})
        responses = run(big + frame({"id": 2, "command": "health_check"}), max_frame_bytes=1024)
        self.assertEqual("frame_too_large", responses[0]["error"]["type"])
        self.assertEqual(1, responses[0]["id"], "the refusal names the request it refuses")
        self.assertEqual(2, responses[1]["id"])

    def test_oversized_frame_without_a_readable_id_is_refused_with_id_null(self):
        body = b"\x00" + b" " * 2000
        responses = run(struct.pack(">I", len(body)) + body + frame({"id": 2, "command": "health_check"}), max_frame_bytes=1024)
        self.assertEqual("frame_too_large", responses[0]["error"]["type"])
        self.assertIsNone(responses[0]["id"])
        self.assertEqual(2, responses[1]["id"])

    def test_unknown_command(self):
        [response] = run(frame({"id": 5, "command": "fly"}))
        self.assertEqual("unknown_command", response["error"]["type"])
        self.assertEqual(5, response["id"])

    def test_invalid_arguments(self):
        [response] = run(frame({"id": 6, "command": "execute", "args": {"signature": "nope"}}))
        self.assertEqual("invalid_arguments", response["error"]["type"])

    def test_execution_error_from_config(self):
        [response] = run(frame({"id": 7, "command": "execute", "args": {"signature": QA, "inputs": {"question": "q"}, "config": {"fail_with": "model exploded"}}}))
        self.assertEqual({"type": "execution_error", "message": "model exploded"}, response["error"])

    def test_shutdown_answers_then_stops_reading(self):
        responses = run(frame({"id": 8, "command": "shutdown"}) + frame({"id": 9, "command": "health_check"}))
        self.assertEqual(1, len(responses))
        self.assertEqual("stopping", responses[0]["result"]["status"])

    def test_truncated_stream_ends_quietly(self):
        self.assertEqual([], run(struct.pack(">I", 100) + b"\x00{"))


class ModelTest(unittest.TestCase):

    def test_constraints_shape_values(self):
        signature = {"inputs": [{"name": "q", "type": {"kind": "string"}}],
                     "outputs": [{"name": "s", "type": {"kind": "string"}, "constraints": {"maxLength": 4}},
                                 {"name": "n", "type": {"kind": "integer"}, "constraints": {"min": 500}},
                                 {"name": "l", "type": {"kind": "list", "element": {"kind": "boolean"}}, "constraints": {"maxLength": 1}}]}
        outputs = pw.model_outputs(signature, {"q": "hello"})
        self.assertEqual("s fo", outputs["s"])
        self.assertEqual(500, outputs["n"])
        self.assertEqual(1, len(outputs["l"]))

    def test_confidence_is_clamped_to_its_limits(self):
        signature = {"inputs": [{"name": "q", "type": {"kind": "string"}}],
                     "outputs": [{"name": "low", "type": {"kind": "confidence_score"}, "constraints": {"max": 0.3}},
                                 {"name": "high", "type": {"kind": "confidence_score"}, "constraints": {"min": 0.995}}]}
        outputs = pw.model_outputs(signature, {"q": "hello"})
        self.assertEqual(0.3, outputs["low"])
        self.assertEqual(0.995, outputs["high"])

    def test_words_are_split_on_every_kind_of_unicode_space(self):
        # The same text and count are asserted by DeterministicModelTest on the Java side.
        self.assertEqual(6, pw.words(" why\u00a0is\u3000the\u2007sky\u202fblue\u2003today\u001c "))
        self.assertEqual(0, pw.words("\u3000"))

    def test_seed_is_the_shared_rule(self):
        # The same constant is asserted by DeterministicModelTest on the Java side.
        self.assertEqual(SEED_OF_SKY_ANSWER, pw.seed("Why is the sky blue?", "answer"))

if __name__ == "__main__":
    unittest.main()


class HostileInputTest(unittest.TestCase):
    """Requests that once poisoned a worker: every one gets a typed answer carrying its request id."""

    def test_a_request_nested_beyond_the_bound_is_answered_by_its_id(self):
        deep = b'{"id": "deep-1", "command": "execute", "args": {"inputs": ' + b"[" * 2000 + b"]" * 2000 + b"}}"
        [answer, health] = run(frame(deep) + frame({"id": "2", "command": "health_check"}))
        self.assertEqual("deep-1", answer["id"])
        self.assertFalse(answer["ok"])
        self.assertEqual("invalid_arguments", answer["error"]["type"])
        self.assertIn("nests deeper", answer["error"]["message"])
        self.assertTrue(health["ok"])

    def test_a_request_that_is_not_json_is_answered_by_its_id_when_one_can_be_read(self):
        [answer] = run(frame(b'{"id": 7, "command": "execute", "args": {"inputs": [1, 2,}}'))
        self.assertEqual(7, answer["id"])
        self.assertEqual("malformed_frame", answer["error"]["type"])

    def test_the_request_id_is_found_only_at_the_top_level(self):
        self.assertEqual("top", pw.request_id_of('{"args": {"id": "inner"}, "id": "top", "x": [1, 2'))
        self.assertIsNone(pw.request_id_of('{"args": {"id": "inner"}, "x": [1'))
        self.assertEqual(3, pw.nesting_depth('{"a": [{"b": "[[[[["}]}'))

    def test_a_compressed_frame_inflating_beyond_the_limit_is_refused_without_inflating_it(self):
        bomb = zlib.compress(b"\x00" * (64 * 1024 * 1024))
        data = struct.pack(">I", len(bomb) + 1) + bytes([pw.FLAG_COMPRESSED]) + bomb
        [answer, health] = run(data + frame({"id": "2", "command": "health_check"}), max_frame_bytes=1024 * 1024)
        self.assertEqual("frame_too_large", answer["error"]["type"])
        self.assertTrue(health["ok"])

    def test_a_compressed_request_too_large_once_inflated_is_answered_by_its_id(self):
        request = {"id": "big-1", "command": "execute", "args": {"inputs": {"question": "x" * 200000}}}
        [answer] = run(frame(request, compress=True), max_frame_bytes=64 * 1024)
        self.assertEqual("big-1", answer["id"])
        self.assertEqual("frame_too_large", answer["error"]["type"])

    def test_a_compressed_frame_within_the_limit_is_still_understood(self):
        [answer] = run(frame({"id": "z", "command": "health_check"}, compress=True), max_frame_bytes=1024)
        self.assertEqual("z", answer["id"])
        self.assertTrue(answer["ok"])
