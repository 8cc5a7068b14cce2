package dev.proofgate.example.steps;

import dev.proofgate.example.GreetingService;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Greetings: asks the greeting service for a greeting and checks its answer. */
public final class GreetingSteps {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private HttpResponse<String> answer;

    /** The example's environment: the service, started once for the run ({@code -Dgreeting.broken=true} starts it broken). */
    @BeforeAll
    public static void startService() throws IOException {
        GreetingServiceUnderTest.start(GreetingService.start(Boolean.getBoolean("greeting.broken")));
    }

    @AfterAll
    public static void stopService() {
        GreetingServiceUnderTest.stop();
    }

    @When("{string} asks for a greeting")
    public void asksForAGreeting(String name) throws IOException, InterruptedException {
        ask("/greeting?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    @When("someone asks for a greeting without a name")
    public void asksWithoutAName() throws IOException, InterruptedException {
        ask("/greeting");
    }

    @Then("the answer is {int} with {string}")
    public void theAnswerIs(int status, String body) {
        if (answer.statusCode() != status || !answer.body().equals(body)) {
            throw new AssertionError("expected " + status + " \"" + body + "\" but was " + answer.statusCode() + " \""
                    + answer.body() + "\"");
        }
    }

    private void ask(String path) throws IOException, InterruptedException {
        URI uri = URI.create(GreetingServiceUnderTest.baseUrl() + path);
        answer = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        Evidence.text("GET " + path, answer.statusCode() + "\n" + answer.body());
    }
}
