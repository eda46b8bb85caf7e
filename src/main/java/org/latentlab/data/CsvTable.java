package org.latentlab.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as the lab writes and reads it: comment lines ({@code # text}) before an optional header row, then rows
 * of cells, quoted per RFC 4180 by Jackson's CSV module. A cell is quoted only when it must be (it holds a comma, a
 * quote or a line break, or a row's first cell starts with {@code #}), so files of numbers read exactly as written
 * by hand; lines end in {@code \n}. Reading skips blank lines and {@code #} lines anywhere, and tells a malformed
 * file by its name and line.
 *
 * <p>Cells are written as {@link String#valueOf(Object)} ({@code null} as an empty cell), so a {@code double} is
 * written as {@link Double#toString(double)}; callers that want fewer digits format their numbers first.
 *
 * @param comments the text of the comment lines before the first row, without their {@code #}
 * @param header   the first row, when the file has one; otherwise empty
 * @param rows     the other rows, each with the line it starts on
 */
public record CsvTable(List<String> comments, List<String> header, List<Row> rows) {

    /** One row and the line of the file it starts on (1-based), for messages. */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String get(int column) {
            return cells.get(column);
        }

        public int size() {
            return cells.size();
        }
    }

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");
    private static final ObjectWriter ROW = MAPPER.writer(SCHEMA);
    /** For a row whose first cell starts with {@code #}: quoted, so that it is not read back as a comment. */
    private static final ObjectWriter QUOTED_ROW = ROW.with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);

    public CsvTable {
        comments = List.copyOf(comments);
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The index of the header's column {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    // ---- writing

    /** One row as a CSV record, ending in {@code \n}. */
    public static String line(List<?> cells) {
        List<String> text = cells.stream().map(CsvTable::cell).toList();
        boolean looksLikeComment = !text.isEmpty() && text.get(0).stripLeading().startsWith("#");
        try {
            return (looksLikeComment ? QUOTED_ROW : ROW).writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always writes as CSV", e);
        }
    }

    /** The text of a whole file: comment lines (each made one line), the header unless it is empty, the rows. */
    public static String format(List<String> comments, List<?> header, List<? extends List<?>> rows) {
        StringBuilder b = new StringBuilder();
        for (String c : comments) {
            b.append(c.isEmpty() ? "#" : "# " + c.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        if (!header.isEmpty()) {
            b.append(line(header));
        }
        for (List<?> r : rows) {
            b.append(line(r));
        }
        return b.toString();
    }

    /** Writes a whole file atomically: the header, then the rows. */
    public static void write(Path file, List<?> header, List<? extends List<?>> rows) {
        write(file, List.of(), header, rows);
    }

    /** Writes a whole file atomically: comment lines, the header, then the rows. */
    public static void write(Path file, List<String> comments, List<?> header, List<? extends List<?>> rows) {
        AtomicFiles.writeString(file, format(comments, header, rows));
    }

    /** Appends rows at the end of {@code file}, creating it if it is missing. */
    public static void append(Path file, List<? extends List<?>> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach(r -> b.append(line(r)));
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- reading

    /** Reads a UTF-8 file whose first row is its header. */
    public static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LabException(file + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw new LabException(file + " is not UTF-8 text: save it as UTF-8 CSV", e);
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString(), true, 1);
    }

    /**
     * Parses CSV text.
     *
     * @param source    how messages name the text, e.g. the file
     * @param hasHeader whether the first row is the header
     * @param firstLine the line number of the text's first line in its file (1 when the text is the whole file)
     * @throws LabException "{@code source} line N: what is wrong", for a quote never closed or text after one
     */
    public static CsvTable parse(String text, String source, boolean hasHeader, int firstLine) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        int line = 0;
        boolean inRow = false;
        try (CsvParser p = (CsvParser) MAPPER.createParser(body)) {
            p.setSchema(CsvSchema.emptySchema());
            List<String> cells = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    inRow = true;
                    line = p.currentLocation().getLineNr();
                    cells = new ArrayList<>();
                } else if (t == JsonToken.END_ARRAY) {
                    inRow = false;
                    rows.add(new Row(line + firstLine - 1, cells));
                } else if (t.isScalarValue()) {
                    cells.add(p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            int at = inRow || e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new LabException(source + " line " + (at + firstLine - 1) + ": " + explain(e), e);
        } catch (IOException e) {
            throw new LabException("cannot read " + source + ": " + e.getMessage(), e);
        }
        List<String> header = hasHeader && !rows.isEmpty() ? rows.remove(0).cells() : List.of();
        return new CsvTable(leadingComments(body), header, rows);
    }

    private static String explain(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("Missing closing quote")) {
            return "a quoted value is never closed: add its closing quote (\")";
        }
        if (m.contains("Expected column separator")) {
            return "text after a quoted value: a quote inside a quoted value is written twice (\"\")";
        }
        return m.lines().findFirst().orElse("malformed CSV");
    }

    private static List<String> leadingComments(String body) {
        List<String> out = new ArrayList<>();
        for (String l : (Iterable<String>) body.lines()::iterator) {
            String s = l.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("#")) {
                break;
            }
            out.add(s.substring(1).strip());
        }
        return out;
    }

    private static String cell(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
