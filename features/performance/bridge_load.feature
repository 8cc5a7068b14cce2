@area=performance
Feature: The bridge to the Python workers is fast enough not to matter
  Every execution on the python_port adapter crosses the bridge to a Python worker and back. The
  platform team promises that a round trip is a small share of an answer's time, even when several
  executions share one worker.

  Rule: Round trips to a worker are quick and plentiful

    @severity=normal
    Scenario: A bridge worker answers round trips from several clients quickly
      When 2 clients send executions to a bridge worker back to back
      Then the round trips stay within budget:
        | measure     | limit                     |
        | throughput  | at least 2,000 per second |
        | p50 latency | at most 1 ms              |
        | p99 latency | at most 10 ms             |
        | error rate  | at most 0 %               |
