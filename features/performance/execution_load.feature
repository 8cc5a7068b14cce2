@area=performance
Feature: Questions are answered quickly however many users ask at once
  The product owner of the Q&A assistant promises an answer time and a volume of answers at the
  concurrency the assistant will see in production, on both model adapters. A user here submits a
  question and waits until its answer is completed, then asks the next (no think time).

  Background:
    Given a question answering signature

  Rule: Throughput and answer time hold at every level of concurrency, on both adapters

    @severity=critical
    Scenario Outline: <clients> clients ask questions back to back on the <adapter> adapter
      Given a program that answers with the "<adapter>" adapter
      When <clients> clients ask questions on the "<adapter>" adapter back to back
      Then the answers stay within budget:
        | measure     | limit                           |
        | p95 latency | at most <p95> ms                |
        | throughput  | at least <throughput> per second |
        | error rate  | at most 0 %                     |

      Examples:
        | adapter     | clients | p95 | throughput |
        | native      | 1       | 50  | 50         |
        | native      | 5       | 75  | 200        |
        | native      | 10      | 100 | 300        |
        | native      | 20      | 150 | 250        |
        | native      | 50      | 500 | 150        |
        | python_port | 1       | 50  | 50         |
        | python_port | 5       | 75  | 200        |
        | python_port | 10      | 100 | 200        |
        | python_port | 20      | 250 | 150        |
        | python_port | 50      | 600 | 100        |

  Rule: A question is answered soon after it arrives, measured from when it was meant to be sent

    @severity=critical
    Scenario: Questions arriving at a steady rate are answered within the promised time
      Given a program that answers with the "native" adapter
      When questions arrive on the "native" adapter at 200 per second
      Then the answers stay within budget:
        | measure     | limit                    |
        | p50 latency | at most 25 ms            |
        | p99 latency | at most 250 ms           |
        | throughput  | at least 190 per second  |
        | error rate  | at most 0 %              |

  Rule: The platform states how many users it sustains, found by a search with a stated stopping rule

    @severity=normal
    Scenario: The highest sustainable number of concurrent users is found and meets the promise
      Given a program that answers with the "native" adapter
      When clients on the "native" adapter double from 1 while the 95th percentile answer stays within 250 ms
      Then the answers stay within budget:
        | measure                 | limit              |
        | sustainable concurrency | at least 16 clients |
