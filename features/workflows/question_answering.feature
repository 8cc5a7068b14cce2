@area=workflows
Feature: Question answering from signature to completed execution
  The product owner of the Q&A assistant needs proof that a question typed by a user travels the
  whole platform - signature, program, durable execution, model - and comes back answered, measured,
  audited and kept, on every model adapter the platform offers.

  Rule: A question is answered on every adapter, measured, audited and kept

    @severity=blocker @requires=database-access
    Scenario Outline: A question is answered on the <adapter> adapter
      Given a question answering signature
      And a program that answers with the "<adapter>" adapter
      When a user asks "Why is the sky blue?"
      Then the execution completes with an answer
      And the execution records how long it queued, ran and took in total
      And the audit trail shows every stage from signature compilation to result serialization
      And the execution is stored durably with its answer, completed exactly once
      And the execution is found again in the program's history

      Examples:
        | adapter     |
        | native      |
        | python_port |
