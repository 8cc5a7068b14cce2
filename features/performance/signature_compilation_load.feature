@area=performance
Feature: Signature compilation keeps up with the teams using it
  Integrating teams dry-run compile signatures from their build pipelines and editors, many at once.
  The platform team promises that compiling stays quick however many teams do it at the same time.
  Arrivals come on a fixed schedule, so a slow compiler cannot slow the load down and hide itself.

  Rule: Compiling stays quick at a steady arrival rate

    @severity=normal
    Scenario: Dry-run compiles stay quick while teams compile at a steady rate
      When teams dry-run compile signatures at 400 per second
      Then the compilations stay within budget:
        | measure     | limit                     |
        | throughput  | at least 380 per second   |
        | p50 latency | at most 5 ms              |
        | p99 latency | at most 100 ms            |
        | error rate  | at most 0 %               |
