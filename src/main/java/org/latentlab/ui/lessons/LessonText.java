package org.latentlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * The little Markdown a lesson's text may use, read into blocks of styled spans: paragraphs (separated by a blank
 * line; lines within one are joined), list items ({@code - } or {@code * } for bullets, {@code 1. } for numbers),
 * {@code **bold**}, {@code *italic*} and {@code `code`}. Anything else is text as written; an unclosed marker is
 * kept as a character. No JavaFX here: {@link LessonTextFlow} draws the blocks.
 */
public final class LessonText {

    /** A run of text with one style. */
    public record Span(String text, boolean bold, boolean italic, boolean code) {
    }

    /** The kinds of block. */
    public enum Kind { PARAGRAPH, BULLET, NUMBERED }

    /**
     * A paragraph or a list item.
     *
     * @param number the item's number (numbered items), else 0
     */
    public record Block(Kind kind, int number, List<Span> spans) {
        public Block {
            spans = List.copyOf(spans);
        }

        /** The block's text without its styles. */
        public String plain() {
            StringBuilder b = new StringBuilder();
            spans.forEach(s -> b.append(s.text()));
            return b.toString();
        }
    }

    private LessonText() {
    }

    /** The blocks of {@code text}. */
    public static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        Kind kind = null;
        int number = 0;
        StringBuilder current = new StringBuilder();
        for (String raw : (text == null ? "" : text).split("\r?\n", -1)) {
            String line = raw.strip();
            Kind starts = null;
            int n = 0;
            String body = line;
            if (line.startsWith("- ") || line.startsWith("* ")) {
                starts = Kind.BULLET;
                body = line.substring(2).strip();
            } else if (line.matches("\\d{1,3}\\.\\s.*")) {
                starts = Kind.NUMBERED;
                n = Integer.parseInt(line.substring(0, line.indexOf('.')));
                body = line.substring(line.indexOf('.') + 1).strip();
            }
            if (line.isEmpty() || starts != null) {
                flush(blocks, kind, number, current);
                kind = null;
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (kind == null) {
                kind = starts != null ? starts : Kind.PARAGRAPH;
                number = n;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(body);
        }
        flush(blocks, kind, number, current);
        return List.copyOf(blocks);
    }

    private static void flush(List<Block> blocks, Kind kind, int number, StringBuilder text) {
        if (kind != null && text.length() > 0) {
            blocks.add(new Block(kind, number, spans(text.toString())));
        }
        text.setLength(0);
    }

    /**
     * Where the marker opened before {@code from} closes, or -1: the styled text is not empty and neither starts nor
     * ends with a space ({@code 2 * 3 * 4} stays text).
     */
    private static int closing(String s, String marker, int from) {
        if (from >= s.length() || Character.isWhitespace(s.charAt(from))) {
            return -1;
        }
        int end = s.indexOf(marker, from + 1);
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end = s.indexOf(marker, end + 1);
        }
        return end;
    }

    /** The styled spans of one block's text. */
    static List<Span> spans(String s) {
        List<Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            String marker = s.startsWith("**", i) ? "**" : s.charAt(i) == '*' ? "*" : s.charAt(i) == '`' ? "`" : null;
            int end = marker == null ? -1 : closing(s, marker, i + marker.length());
            if (end > 0) {
                if (plain.length() > 0) {
                    out.add(new Span(plain.toString(), false, false, false));
                    plain.setLength(0);
                }
                String inner = s.substring(i + marker.length(), end);
                out.add(new Span(inner, marker.equals("**"), marker.equals("*"), marker.equals("`")));
                i = end + marker.length();
            } else {
                // an unclosed marker is text, "**" as two characters
                String text = marker == null ? String.valueOf(s.charAt(i)) : marker;
                plain.append(text);
                i += text.length();
            }
        }
        if (plain.length() > 0) {
            out.add(new Span(plain.toString(), false, false, false));
        }
        return out;
    }
}
