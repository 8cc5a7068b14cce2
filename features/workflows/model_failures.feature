@area=workflows
Feature: Failures the model reports
  A model can fail. The product owner needs such a failure to end the execution as failed, with a
  typed error that says what the model reported and an audit trail up to the failing stage - never
  lost, never half-finished, never passed off as an answer. Both adapters must read a program's model
  settings the same way, so a setting one of them cannot use is turned away when the program is created.

  Rule: A failure the model reports ends the execution as failed, typed and audited

    @severity=critical @requires=database-access
    Scenario Outline: A model on the <adapter> adapter reports a failure
      Given a question answering signature
      And a program on the "<adapter>" adapter whose model fails with "the model is out of its depth"
      When a user asks "Why is the sky blue?"
      Then the execution fails with the model's error "the model is out of its depth"
      And the audit trail shows every stage up to the model's run, which failed, and nothing after it
      And the execution is stored as failed, finished exactly once, without outputs
      And the execution is found among the program's failed executions

      Examples:
        | adapter     |
        | native      |
        | python_port |

  Rule: A program's model settings are checked when the program is created

    @severity=normal
    Scenario Outline: A program whose <setting> is <value> is turned away on the <adapter> adapter
      Given a question answering signature
      When a team creates a program on the "<adapter>" adapter whose "<setting>" is <value>
      Then the program is turned away because its "<setting>" must be <expected>

      Examples:
        | adapter     | setting           | value  | expected                                   |
        | native      | simulated latency | -5     | a whole number of milliseconds, 0 or more  |
        | python_port | simulated latency | "five" | a whole number of milliseconds, 0 or more  |
        | native      | failure reason    | ""     | a text saying why the model fails          |
        | python_port | failure reason    | false  | a text saying why the model fails          |
