@area=performance
Feature: Sustained load neither slows the platform down nor makes it grow
  Operations size the platform for a day of traffic. They need proof that a long stream of
  questions is answered at the rate it arrives, and that the platform's memory stays within its
  allowance and does not keep growing (a leak shows as growth over a long run, not as a peak).
  The CI profile soaks for 10 seconds; -Dproofgate.load.profile=full soaks for 10 minutes,
  about 100,000 questions.

  Rule: A long stream of questions is answered at the rate it arrives, in bounded memory

    @severity=critical
    Scenario: A soak at a steady arrival rate keeps its throughput and its memory
      Given a question answering signature
      And a program that answers with the "native" adapter
      When questions arrive on the "native" adapter at 167 per second for the whole soak
      Then the answers stay within budget:
        | measure         | limit                   |
        | throughput      | at least 160 per second |
        | p99 latency     | at most 250 ms          |
        | error rate      | at most 0 %             |
        | platform memory | at most 500 MB          |
        | memory growth   | at most 64 MB           |
