package dev.proofgate.gate.glossary;

import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.datatable.DataTable;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.java.StepDefinitionAnnotation;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every step a product owner can write, read from the step definitions themselves (the glue classes'
 * Given/When/Then annotations) and matched against the features that use them. Rendered as
 * features/STEPS.md; StepGlossaryTest keeps the committed file equal to what the glue says today.
 */
public final class StepGlossary {

    private static final List<String> KEYWORDS = List.of("Given", "When", "Then");
    private static final Pattern CLASS_COMMENT =
            Pattern.compile("/\\*\\*\\s*(.*?)\\s*\\*/\\s*(?:@\\w+\\s*)*public\\s+(?:final\\s+)?class", Pattern.DOTALL);
    /** Example values for parameters no feature uses yet; a feature's own value is preferred. */
    private static final Map<String, String> DEFAULT_EXAMPLES = Map.of(
            "int",
            "3",
            "long",
            "3",
            "float",
            "1.5",
            "double",
            "1.5",
            "string",
            "\"some text\"",
            "word",
            "word",
            "",
            "some text",
            "bigdecimal",
            "1.5",
            "biginteger",
            "3");

    private static final Map<String, String> MEANINGS = Map.of(
            "int",
            "a whole number",
            "long",
            "a whole number",
            "float",
            "a number",
            "double",
            "a number",
            "string",
            "text in double quotes",
            "word",
            "one word",
            "",
            "any text",
            "anonymous",
            "any text");

    /**
     * Where a suite's step definitions are: a package, read from the classes folder that holds
     * {@code compiledWith}; and the command that regenerates the glossary, printed in it.
     */
    public record Glue(String packageName, Class<?> compiledWith, String regenerate) {}

    /** One step definition: where it lives and how features use it. */
    public record Step(
            String domain,
            String keyword,
            String expression,
            List<String> parameters,
            List<String> examples,
            String argument,
            TreeMap<String, Integer> usedIn,
            String exampleText) {

        public int uses() {
            return usedIn.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final List<Step> steps;
    private final Map<String, String> domainDescriptions;
    private final String regenerate;

    private StepGlossary(List<Step> steps, Map<String, String> domainDescriptions, String regenerate) {
        this.steps = steps;
        this.domainDescriptions = domainDescriptions;
        this.regenerate = regenerate;
    }

    public List<Step> steps() {
        return steps;
    }

    /**
     * Reads the step definitions of the glue package from its compiled classes, their class
     * comments from {@code sources} (when present), and their uses from every feature under {@code features}.
     */
    public static StepGlossary read(Path features, Path sources, Glue suite) {
        List<Class<?>> glueClasses = glueClasses(suite);
        ExpressionFactory expressions = new ExpressionFactory(parameterTypes(glueClasses));
        List<Pickle> pickles = pickles(features);
        List<Step> steps = new ArrayList<>();
        Map<String, String> descriptions = new TreeMap<>();
        for (Class<?> glue : glueClasses) {
            for (Method method : glue.getDeclaredMethods()) {
                for (Annotation annotation : stepAnnotations(method)) {
                    String expressionText = value(annotation);
                    Expression expression = expressions.createExpression(expressionText);
                    steps.add(step(
                            glue, method, annotation.annotationType().getSimpleName(), expression, pickles, features));
                    descriptions.computeIfAbsent(domain(glue), name -> classComment(sources, glue));
                }
            }
        }
        steps.sort(Comparator.comparing(Step::domain)
                .thenComparing(step -> KEYWORDS.indexOf(step.keyword()))
                .thenComparing(Step::expression));
        return new StepGlossary(steps, descriptions, suite.regenerate());
    }

    private static Step step(
            Class<?> glue, Method method, String keyword, Expression expression, List<Pickle> pickles, Path features) {
        TreeMap<String, Integer> usedIn = new TreeMap<>();
        List<String> examples = null;
        List<String> parameterTypes = new ArrayList<>();
        String exampleText = "";
        for (Pickle pickle : pickles) {
            for (PickleStep pickleStep : pickle.getSteps()) {
                List<Argument<?>> arguments = expression.match(pickleStep.getText());
                if (arguments != null) {
                    usedIn.merge(relative(features, pickle.getUri()), 1, Integer::sum);
                    if (examples == null) {
                        exampleText = pickleStep.getText();
                        examples = arguments.stream()
                                .map(argument -> argument.getGroup().getValue())
                                .toList();
                        arguments.forEach(argument ->
                                parameterTypes.add(argument.getParameterType().getName()));
                    }
                }
            }
        }
        int expressionParameters = expressionParameterCount(expression);
        if (examples == null) {
            parameterTypes.addAll(declaredTypes(expression, expressionParameters));
            examples = parameterTypes.stream()
                    .map(type -> DEFAULT_EXAMPLES.getOrDefault(type, "…"))
                    .toList();
        }
        String argument = "";
        if (method.getParameterCount() > expressionParameters) {
            Class<?> last = method.getParameterTypes()[method.getParameterCount() - 1];
            argument = last == String.class
                    ? "text block"
                    : (DataTable.class.isAssignableFrom(last)
                                    || List.class.isAssignableFrom(last)
                                    || Map.class.isAssignableFrom(last))
                            ? "table"
                            : last.getSimpleName();
        }
        return new Step(
                domain(glue),
                keyword,
                expression.getSource(),
                List.copyOf(parameterTypes),
                List.copyOf(examples),
                argument,
                usedIn,
                exampleText);
    }

    /** The built-in parameter types plus every {@code @ParameterType} of the glue, so that {name} in an expression is understood. */
    private static ParameterTypeRegistry parameterTypes(List<Class<?>> glueClasses) {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        for (Class<?> glue : glueClasses) {
            for (Method method : glue.getDeclaredMethods()) {
                io.cucumber.java.ParameterType type = method.getAnnotation(io.cucumber.java.ParameterType.class);
                if (type != null) {
                    String name = type.name().isEmpty() ? method.getName() : type.name();
                    registry.defineParameterType(new io.cucumber.cucumberexpressions.ParameterType<>(
                            name, type.value(), Object.class, (io.cucumber.cucumberexpressions.Transformer<Object>)
                                    text -> text));
                }
            }
        }
        return registry;
    }

    /** The parameter types named in a Cucumber expression ({int}, {string}, {} ...), or "" per regular-expression group. */
    private static List<String> declaredTypes(Expression expression, int count) {
        List<String> types = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?<!\\\\)\\{([^}]*)}").matcher(expression.getSource());
        if (expression.getSource().startsWith("^") || expression.getSource().endsWith("$")) {
            for (int i = 0; i < count; i++) {
                types.add("");
            }
            return types;
        }
        while (matcher.find()) {
            types.add(matcher.group(1));
        }
        return types;
    }

    private static int expressionParameterCount(Expression expression) {
        String source = expression.getSource();
        if (source.startsWith("^") || source.endsWith("$")) {
            return Pattern.compile(source).matcher("").groupCount();
        }
        return (int)
                Pattern.compile("(?<!\\\\)\\{[^}]*}").matcher(source).results().count();
    }

    /** The domain of a step class: its name without "Steps" (ExecutionSteps -> Execution). */
    private static String domain(Class<?> glue) {
        String name = glue.getSimpleName();
        return name.endsWith("Steps") && name.length() > "Steps".length()
                ? name.substring(0, name.length() - "Steps".length())
                : name;
    }

    private static String classComment(Path sources, Class<?> glue) {
        Path source = sources.resolve(glue.getName().replace('.', '/') + ".java");
        if (!Files.exists(source)) {
            return "";
        }
        try {
            Matcher matcher = CLASS_COMMENT.matcher(Files.readString(source));
            return matcher.find()
                    ? matcher.group(1)
                            .replaceAll("\\s*\\n\\s*\\*\\s?", " ")
                            .replace("{@code ", "")
                            .replace("}", "")
                            .trim()
                    : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Annotation> stepAnnotations(Method method) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(StepDefinitionAnnotation.class)) {
                found.add(annotation);
            } else {
                // repeated annotations arrive in their container (Given.Givens)
                try {
                    Method value = annotation.annotationType().getMethod("value");
                    if (value.getReturnType().isArray()
                            && value.getReturnType()
                                    .getComponentType()
                                    .isAnnotationPresent(StepDefinitionAnnotation.class)) {
                        found.addAll(List.of((Annotation[]) value.invoke(annotation)));
                    }
                } catch (ReflectiveOperationException e) {
                    // not a container of step annotations
                }
            }
        }
        return found;
    }

    private static String value(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the expression of " + annotation, e);
        }
    }

    /** Every class of the glue package, in the classes folder that holds the glue's anchor class. */
    private static List<Class<?>> glueClasses(Glue glue) {
        try {
            Path root = Path.of(glue.compiledWith()
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path folder = root.resolve(glue.packageName().replace('.', '/'));
            try (Stream<Path> files = Files.walk(folder)) {
                List<Class<?>> classes = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class")
                                && !f.getFileName().toString().contains("$"))
                        .sorted()
                        .toList()) {
                    String name = root.relativize(file)
                            .toString()
                            .replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, glue.compiledWith().getClassLoader()));
                }
                return classes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the glue classes", e);
        }
    }

    private static List<Pickle> pickles(Path features) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includeGherkinDocument(false)
                .includePickles(true)
                .build();
        try (Stream<Path> files = Files.walk(features)) {
            List<Pickle> pickles = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".feature"))
                    .sorted()
                    .toList()) {
                try (Stream<Envelope> envelopes = parser.parse(file)) {
                    envelopes.map(Envelope::getPickle).flatMap(Optional::stream).forEach(pickles::add);
                }
            }
            return pickles;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the features under " + features, e);
        }
    }

    private static String relative(Path features, String uri) {
        Path path = uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) : Path.of(uri);
        return features.toAbsolutePath()
                .relativize(path.toAbsolutePath())
                .toString()
                .replace('\\', '/');
    }

    /** The glossary as features/STEPS.md. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Step glossary\n\n");
        md.append("Every step a scenario can use today, ")
                .append(steps.size())
                .append(" in ")
                .append(steps.stream().map(Step::domain).distinct().count())
                .append(" business domains. Copy a line into your scenario and change the example values.\n");
        md.append(
                "Generated from the step definitions (do not edit by hand); after adding or changing a step run:\n\n");
        md.append("```bash\n").append(regenerate).append("\n```\n\n");
        md.append("Parameters: ");
        md.append("`{string}` text in double quotes, `{int}` a whole number, `{word}` one word, `{}` any text. ");
        md.append("*text block* is a `\"\"\"` block under the step, *table* a `|` table under it.\n");
        String domain = null;
        for (Step step : steps) {
            if (!step.domain().equals(domain)) {
                domain = step.domain();
                md.append("\n## ").append(domain).append("\n\n");
                String description = domainDescriptions.getOrDefault(domain, "");
                if (!description.isEmpty()) {
                    md.append(description).append("\n\n");
                }
                md.append("| step | parameters (example) | used in |\n|---|---|---|\n");
            }
            md.append("| ").append(cell(step.keyword() + " " + shown(step.expression())));
            if (!step.argument().isEmpty()) {
                md.append(" + *").append(step.argument()).append('*');
            }
            if (isPattern(step.expression()) && !step.exampleText().isEmpty()) {
                // a regular expression reads poorly: show a sentence that matches it
                md.append(" e.g. ").append(cell("`" + step.keyword() + " " + step.exampleText() + "`"));
            }
            md.append(" | ")
                    .append(parameters(step))
                    .append(" | ")
                    .append(usedIn(step))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static boolean isPattern(String expression) {
        return expression.startsWith("^") || expression.endsWith("$");
    }

    private static String shown(String expression) {
        String text = isPattern(expression) ? expression.replaceAll("^\\^|\\$$", "") : expression;
        return "`" + text + "`";
    }

    private static String parameters(Step step) {
        if (step.parameters().isEmpty()) {
            return "—";
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < step.parameters().size(); i++) {
            String type = step.parameters().get(i);
            String meaning = MEANINGS.getOrDefault(type, type);
            String example = i < step.examples().size() ? step.examples().get(i) : "…";
            shown.add(meaning + ": `" + example + "`");
        }
        return cell(String.join("; ", shown));
    }

    private static String usedIn(Step step) {
        if (step.usedIn().isEmpty()) {
            return "not used yet";
        }
        TreeSet<String> files = new TreeSet<>();
        step.usedIn().forEach((file, count) -> files.add(file + (count > 1 ? " (" + count + ")" : "")));
        return cell(String.join(", ", files));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
