@area=completion
Feature: Stage 1 completion
  The product owner declares stage 1 done only when every criterion below was measured against the
  running platform in this run. Each criterion gathers its own evidence; the last scenario rolls
  them up and says "stage 1 is complete" only when every one of them held.

  Rule: Every criterion of stage 1 is a live check

    @severity=blocker @criterion=signature-system
    Scenario: Criterion - the signature system compiles every type to typed fields and schemas
      When the suite compiles a signature that uses every type
      Then every field comes back typed, and both sides come with a JSON Schema

    @severity=blocker @criterion=native-adapter
    Scenario: Criterion - the native adapter answers
      Given a question answering signature
      And a program that answers with the "native" adapter
      When a user asks "Is stage 1 native?"
      Then the execution completes with an answer

    @severity=blocker @criterion=python-adapter
    Scenario: Criterion - the python_port adapter answers
      Given a question answering signature
      And a program that answers with the "python_port" adapter
      When a user asks "Is stage 1 in Python?"
      Then the execution completes with an answer

    @severity=blocker @criterion=bridge
    Scenario: Criterion - the bridge runs its full pool of Python workers
      Then the bridge reports every worker alive and the operating system agrees

    @severity=blocker @criterion=database-round-trip @requires=database-access
    Scenario: Criterion - an answer makes the round trip through the database
      Given a question answering signature
      And a program that answers with the "native" adapter
      When a user asks "Am I stored?"
      Then the execution is stored durably with its answer, completed exactly once

    @severity=blocker @criterion=health
    Scenario: Criterion - health reports every component up
      Then health reports every component up:
        | database         |
        | python_bridge    |
        | signature_system |
        | adapter_registry |
        | execution_queue  |

    @severity=critical @criterion=performance-budgets
    Scenario: Criterion - answers stay within the stage 1 latency budget
      Given a question answering signature
      And a program that answers with the "native" adapter
      When 40 questions are answered one after another
      Then the time from asking to answer stays within:
        | measure                        | limit           |
        | p50 time from asking to answer | at most 1000 ms |
        | p95 time from asking to answer | at most 2000 ms |

  Rule: Stage 1 is complete only when every criterion held in this run

    @severity=blocker
    Scenario: Stage 1 is complete
      Then stage 1 is complete, every criterion having held in this run:
        | signature-system    |
        | native-adapter      |
        | python-adapter      |
        | bridge              |
        | database-round-trip |
        | health              |
        | performance-budgets |
