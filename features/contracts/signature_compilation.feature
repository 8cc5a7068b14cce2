@area=contracts
Feature: Signature compilation
  Integrating teams generate validators from the JSON Schema a signature publishes. They need the
  compiled fields to carry the declared types, and the schema to accept exactly what it should.

  Background:
    Given a team compiles a signature that uses every type:
      """
      signature every_type:
        :string question, :integer count, :list(:optional(:float)) readings, :map context
        -> :boolean verified, :confidence_score confidence, :reasoning_chain reasoning, :optional(:string) note
      """

  Rule: Compiling shows the typed fields and stores nothing

    @severity=critical @requires=database-access
    Scenario: A signature using every type compiles to typed fields
      Then the compiled signature has 4 inputs and 4 outputs
      And the compiled fields are:
        | side   | field      | type                     | required |
        | input  | question   | :string                  | yes      |
        | input  | count      | :integer                 | yes      |
        | input  | readings   | :list(:optional(:float)) | yes      |
        | input  | context    | :map                     | yes      |
        | output | verified   | :boolean                 | yes      |
        | output | confidence | :confidence_score        | yes      |
        | output | reasoning  | :reasoning_chain         | yes      |
        | output | note       | :optional(:string)       | no       |
      And compiling stored no signature named "every_type"

  Rule: The published input schema accepts valid inputs and rejects every kind of invalid one

    @severity=critical
    Scenario: The published input schema accepts a valid input
      Then the published input schema accepts:
        """
        {"question": "How warm is it?", "count": 3, "readings": [21.5, null, 22], "context": {"room": "lab"}}
        """

    @severity=critical
    Scenario Outline: The published input schema rejects <mistake>
      Then the published input schema rejects <mistake>:
        """
        <input>
        """

      Examples:
        | mistake                    | input                                                                                 |
        | a missing question         | {"count": 3, "readings": [], "context": {}}                                           |
        | a count that is text       | {"question": "q", "count": "three", "readings": [], "context": {}}                    |
        | a reading that is text     | {"question": "q", "count": 3, "readings": ["warm"], "context": {}}                    |
        | a context that is a list   | {"question": "q", "count": 3, "readings": [], "context": []}                          |
        | a field nobody declared    | {"question": "q", "count": 3, "readings": [], "context": {}, "mood": "curious"}       |
