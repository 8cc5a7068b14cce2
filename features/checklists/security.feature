@area=checklists
Feature: Security checklist
  Security reviewers sign off a release only when every line below was proven against the running
  platform in this run. The list of operations comes from the platform's own published description
  of its interface, so a new operation cannot slip past the key check unnoticed.

  Rule: Nothing is served without a valid key

    @severity=blocker
    Scenario: The published description of the interface matches what the platform answers
      When the suite reads the platform's published description of its interface
      Then every published operation is answered by the platform
      And every other method on a published address is refused

    @severity=blocker
    Scenario: Every published operation refuses a caller without a valid key
      When the suite reads the platform's published description of its interface
      Then every operation that needs a key refuses a caller with no key
      And every operation that needs a key refuses a caller with a wrong key
      And every operation that needs a key refuses a caller with a key that is almost right

    @severity=critical
    Scenario: Callers guessing keys are slowed down like everybody else
      When a caller tries 150 wrong keys as fast as it can
      Then the caller is told to slow down before the attempts run out
      And no more attempts were let through than the published allowance plus 10 percent

    @severity=critical @requires=rate-limited-key
    Scenario: A key is held to the rate limit announced for it
      When a caller whose key has a rate limit of its own asks as fast as it can for 4 seconds
      Then once its burst is spent, the requests let through per second are within 10 percent of the limit announced for the key

  Rule: Requests cannot break out of their data

    @severity=critical
    Scenario: A request body over the limit is refused and changes nothing
      When a team sends a signature twice as large as the body limit
      Then the request is refused as too large
      And the platform reports itself ready

    @severity=critical @requires=database-access
    Scenario: Injection strings are stored verbatim and never change a lookup
      Given a question answering signature
      When a team names programs after injection strings:
        | '; DROP TABLE programs; --       |
        | <script>alert('owned')</script>  |
        | x' OR '1'='1                      |
      Then each program reads back with exactly the name it was given
      And looking a signature up by an injection string finds nothing

  Rule: Secrets stay secret

    @severity=blocker @requires=inspect-host
    Scenario: No secret appears in health, metrics, logs, error answers or worker environments
      When the suite collects what the platform shows about itself
      Then no API key or database password appears in any of it
      And the Python workers do not inherit the platform's secrets

    @severity=critical
    Scenario: Every kind of answer carries the usual security headers
      When the suite asks for health, metrics, an operation, a refusal and a missing page
      Then every answer carries these security headers:
        | header                  | value                                   |
        | X-Content-Type-Options  | nosniff                                 |
        | X-Frame-Options         | DENY                                    |
        | Referrer-Policy         | no-referrer                             |
        | Content-Security-Policy | default-src 'none'; frame-ancestors 'none' |
        | Cache-Control           | no-store                                |
