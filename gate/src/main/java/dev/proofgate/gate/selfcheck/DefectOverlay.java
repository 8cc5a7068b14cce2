package dev.proofgate.gate.selfcheck;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Seeds one defect: copies the named platform source file to a scratch folder, applies the edit, and
 * turns it into an overlay directory (compiled classes, or the edited Python worker as the resource the
 * platform loads). Put in front of the classpath, the overlay replaces the product's own class for
 * that run only; the product's sources and build are never touched.
 */
final class DefectOverlay {

    private DefectOverlay() {}

    /** Returns the overlay directory, or throws {@link CannotSeed} when the edit no longer applies. */
    static Path build(SeededDefect defect, Path projectDirectory, Path scratch, String classpath) {
        Path source = projectDirectory.resolve(defect.file());
        try {
            if (!Files.isRegularFile(source)) {
                throw new CannotSeed("the file " + defect.file() + " does not exist");
            }
            String original = Files.readString(source);
            int first = original.indexOf(defect.find());
            if (first < 0) {
                throw new CannotSeed(
                        "the text to change was not found in " + defect.file() + ": the catalogue is out of date");
            }
            if (original.indexOf(defect.find(), first + 1) >= 0) {
                throw new CannotSeed("the text to change occurs more than once in " + defect.file());
            }
            String edited = original.substring(0, first)
                    + defect.replace()
                    + original.substring(first + defect.find().length());
            Path overlay = scratch.resolve("overlay");
            Files.createDirectories(overlay);
            if (defect.file().endsWith(".java")) {
                compile(defect, scratch, edited, overlay, classpath);
            } else if (defect.file().endsWith(".py")) {
                Path resource =
                        overlay.resolve("python").resolve(source.getFileName().toString());
                Files.createDirectories(resource.getParent());
                Files.writeString(resource, edited);
            } else {
                throw new CannotSeed("only .java and .py files can be seeded: " + defect.file());
            }
            return overlay;
        } catch (IOException e) {
            throw new UncheckedIOException("could not seed " + defect.id(), e);
        }
    }

    private static void compile(SeededDefect defect, Path scratch, String edited, Path overlay, String classpath)
            throws IOException {
        Path copy = scratch.resolve("src")
                .resolve(Path.of(defect.file()).getFileName().toString());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, edited);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(
                        errors,
                        null,
                        null,
                        List.of(
                                "-d",
                                overlay.toString(),
                                "-cp",
                                classpath,
                                "--release",
                                "17",
                                "-encoding",
                                StandardCharsets.UTF_8.name(),
                                "-nowarn"),
                        null,
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjects(copy.toFile()))
                .call();
        if (!ok) {
            throw new CannotSeed("the seeded " + defect.file() + " does not compile: "
                    + errors.toString().lines().findFirst().orElse(""));
        }
    }

    /** The catalogue's edit does not fit the current sources: a maintenance finding, never a pass. */
    static final class CannotSeed extends RuntimeException {
        CannotSeed(String message) {
            super(message);
        }
    }
}
