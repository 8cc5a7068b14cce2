@area=contracts
Feature: The published schemas and the platform agree
  Integrating teams check what they send against the JSON Schema a signature publishes, and read what
  comes back against its output schema. If the schema accepts what the platform then refuses, or the
  platform takes what the schema forbids, their validators lie to them. Defects live at the edges, so
  these scenarios try many generated inputs, every limit at its edge and every optional field.

  Rule: Generated inputs are accepted exactly when the published input schema accepts them

    @severity=critical
    Scenario: Inputs generated from the published schema meet the same verdict on the platform
      Given a signature with these fields:
        | side   | field       | type                       | limits                     |
        | input  | question    | :string                    | minLength 1, maxLength 80  |
        | input  | count       | :integer                   | min 0, max 10              |
        | input  | temperature | :float                     | min -20.5, max 45.5        |
        | input  | urgent      | :boolean                   |                            |
        | input  | context     | :map                       |                            |
        | input  | readings    | :list(:optional(:float))   | maxLength 6                |
        | input  | tags        | :list(:string)             | minLength 1, maxLength 3   |
        | input  | note        | :optional(:string)         | maxLength 20               |
        | input  | limit       | :optional(:integer)        | min 1, max 100             |
        | input  | prior       | :confidence_score          | min 0.25, max 1.5          |
        | input  | hints       | :reasoning_chain           |                            |
        | output | answer      | :string                    | maxLength 60               |
        | output | rank        | :integer                   | min 5, max 20              |
        | output | score       | :float                     | min 1.5, max 2.5           |
        | output | verified    | :boolean                   |                            |
        | output | facts       | :map                       |                            |
        | output | ranks       | :list(:optional(:integer)) | minLength 4, maxLength 5   |
        | output | remark      | :optional(:string)         | minLength 30               |
        | output | confidence  | :confidence_score          | min 0.3, max 0.6           |
        | output | reasoning   | :reasoning_chain           |                            |
      And a program that answers with the "native" adapter
      And a program that answers with the "python_port" adapter
      When inputs generated from its published input schema with seed 20261122 are submitted
      Then the platform accepts exactly the inputs the published input schema accepts, naming the field of every rejection
      And every accepted input completes on both adapters with outputs the published output schema accepts
      And both adapters give the same outputs for every accepted input

  Rule: Every limit holds at its edge, on the published schema and on the platform alike

    A step is 1 for whole numbers, 0.01 for numbers with a fraction, one character for texts (an
    emoji is one character) and one item for lists.

    @severity=critical
    Scenario Outline: A <type> input at its <limit> of <value>
      Given a signature whose input "reading" is a <type> with a <limit> of <value>
      When it is given the limit itself, one step inside and one step outside
      Then the published input schema and the platform both accept the limit itself and the step inside
      And both reject the step outside, the platform naming the <limit> of <value>

      Examples: numbers
        | type                | limit | value |
        | :integer            | min   | 0     |
        | :integer            | max   | 10    |
        | :integer            | min   | -273  |
        | :float              | min   | -20.5 |
        | :float              | max   | 45.5  |
        | :float              | max   | 0     |
        | :optional(:integer) | min   | 1     |
        | :optional(:float)   | max   | 99.99 |
        | :confidence_score   | min   | 0.25  |
        | :confidence_score   | max   | 0.9   |

      Examples: lists
        | type                     | limit     | value |
        | :list(:integer)          | minLength | 1     |
        | :list(:integer)          | maxLength | 3     |
        | :list(:optional(:float)) | maxLength | 1000  |

    @severity=critical
    Scenario Outline: A <type> input at its <limit> of <value>, written in <script>
      Given a signature whose input "question" is a <type> with a <limit> of <value>
      When it is given texts of those lengths written in <script>
      Then the published input schema and the platform both accept the limit itself and the step inside
      And both reject the step outside, the platform naming the <limit> of <value>

      Examples:
        | type               | limit     | value | script   |
        | :string            | minLength | 5     | letters  |
        | :string            | maxLength | 40    | letters  |
        | :string            | maxLength | 5     | emoji    |
        | :string            | minLength | 3     | Japanese |
        | :string            | maxLength | 1     | accents  |
        | :optional(:string) | maxLength | 20    | emoji    |

  Rule: Optional fields may be left out or given as null; required fields are exactly those declared required

    @severity=critical
    Scenario: Inputs are required exactly as the signature declares, on the published schema and on the platform
      Given a signature with these fields:
        | side   | field    | type                      | limits       |
        | input  | question | :string                   |              |
        | input  | count    | :integer                  | min 0        |
        | input  | note     | :optional(:string)        | maxLength 20 |
        | input  | limit    | :optional(:integer)       | min 1        |
        | input  | tags     | :optional(:list(:string)) | maxLength 3  |
        | input  | extra    | :optional(:map)           |              |
        | output | answer   | :string                   |              |
        | output | remark   | :optional(:string)        |              |
      And a program that answers with the "native" adapter
      And a program that answers with the "python_port" adapter
      When each input is left out, given as null and given a value, expecting:
        | field    | left out | given as null | given a value |
        | question | rejected | rejected      | accepted      |
        | count    | rejected | rejected      | accepted      |
        | note     | accepted | accepted      | accepted      |
        | limit    | accepted | accepted      | accepted      |
        | tags     | accepted | accepted      | accepted      |
        | extra    | accepted | accepted      | accepted      |
      Then the published input schema requires exactly "question, count"
      And the platform accepts exactly the inputs the published input schema accepts, naming the field of every rejection
      And every accepted input completes on both adapters with outputs the published output schema accepts

    @severity=critical
    Scenario: Outputs are required exactly as the signature declares, on the published output schema
      Given a signature with these fields:
        | side   | field      | type                       | limits       |
        | input  | question   | :string                    |              |
        | output | answer     | :string                    |              |
        | output | confidence | :confidence_score          |              |
        | output | remark     | :optional(:string)         | maxLength 12 |
        | output | score      | :optional(:float)          | min 0, max 5 |
        | output | ranks      | :optional(:list(:integer)) | maxLength 2  |
      And a program that answers with the "native" adapter
      And a program that answers with the "python_port" adapter
      When a user asks "What may be left out?" on every program
      Then the published output schema requires exactly "answer, confidence"
      And the published output schema treats the outputs of the execution on each adapter as follows:
        | field      | left out | given as null | given a value |
        | answer     | rejected | rejected      | accepted      |
        | confidence | rejected | rejected      | accepted      |
        | remark     | accepted | accepted      | accepted      |
        | score      | accepted | accepted      | accepted      |
        | ranks      | accepted | accepted      | accepted      |
