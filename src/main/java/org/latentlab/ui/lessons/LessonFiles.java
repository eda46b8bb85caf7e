package org.latentlab.ui.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;
import org.latentlab.model.JsonErrors;
import org.latentlab.model.LabJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson files: JSON read strictly (unknown fields, duplicate keys and wrong types are errors), validated by the
 * records' constructors, then checked against the lab ({@link LessonCheck}). Every failure is one line naming the
 * file and the step ({@code my-lesson.json: at step 3, action.run (line 21, column 14): run is "start", ...}). The
 * bundled lessons are resources beside this class, listed in {@code lessons.txt} in the order the menu shows them.
 */
public final class LessonFiles {

    private static final ObjectMapper MAPPER = LabJson.strictMapper();
    private static final Pattern STEP = Pattern.compile("steps\\[(\\d+)]\\.?");

    /** A bundled lesson and its id (its file name without {@code .json}). */
    public record Bundled(String id, Lesson lesson) {
    }

    private LessonFiles() {
    }

    /** Reads, validates and checks a teacher's lesson file. */
    public static Lesson read(Path file) {
        return parse(InputFiles.readJson(file, "lesson file"), String.valueOf(file.getFileName()),
                LessonTargets.lab());
    }

    /** Parses lesson JSON; {@code source} names it in messages. */
    public static Lesson parse(String json, String source, LessonTargets targets) {
        Lesson lesson;
        try {
            lesson = MAPPER.readValue(json, Lesson.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + stepsCountedFromOne(JsonErrors.describe(e)), e);
        }
        if (lesson == null) {
            throw new LabException(source + ": the file holds no lesson (null)");
        }
        return LessonCheck.check(lesson, source, targets);
    }

    /** The lesson as JSON, as a file holds it. */
    public static String toJson(Lesson lesson) {
        try {
            return MAPPER.writeValueAsString(lesson);
        } catch (JsonProcessingException e) {
            throw new LabException("the lesson could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** The bundled lessons, in the menu's order; a bundled lesson that fails its checks is a build error. */
    public static List<Bundled> bundled() {
        List<Bundled> out = new ArrayList<>();
        LessonTargets targets = LessonTargets.lab();
        for (String id : resource("lessons.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            out.add(new Bundled(id, parse(resource(id + ".json"), id + ".json", targets)));
        }
        return List.copyOf(out);
    }

    /** The bundled lesson with this id, if any. */
    public static java.util.Optional<Bundled> find(String id) {
        return bundled().stream().filter(b -> b.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    private static String resource(String name) {
        try (InputStream in = LessonFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LabException("bundled lesson resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("bundled lesson resource " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    /** "at steps[2].action.run (line ...)" reads "at step 3, action.run (line ...)". */
    static String stepsCountedFromOne(String message) {
        Matcher m = STEP.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean more = m.group().endsWith(".");
            m.appendReplacement(out, "step " + (Integer.parseInt(m.group(1)) + 1) + (more ? ", " : ""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
