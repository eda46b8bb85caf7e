package org.latentlab.ui.lessons;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonTextTest {

    @Test
    void paragraphsListsAndStyles() {
        List<LessonText.Block> b = LessonText.parse("First line\nsame paragraph with **bold**.\n\n- one *two*\n"
                + "- `three`\n\n2. numbered\nParagraph after? no: joined to the item");
        assertEquals(4, b.size());
        assertEquals(LessonText.Kind.PARAGRAPH, b.get(0).kind());
        assertEquals("First line same paragraph with bold.", b.get(0).plain());
        assertTrue(b.get(0).spans().stream().anyMatch(s -> s.bold() && s.text().equals("bold")));
        assertEquals(LessonText.Kind.BULLET, b.get(1).kind());
        assertTrue(b.get(1).spans().stream().anyMatch(s -> s.italic() && s.text().equals("two")));
        assertTrue(b.get(2).spans().get(0).code());
        assertEquals(LessonText.Kind.NUMBERED, b.get(3).kind());
        assertEquals(2, b.get(3).number());
        assertEquals("numbered Paragraph after? no: joined to the item", b.get(3).plain());
    }

    @Test
    void anUnclosedMarkerStaysText() {
        List<LessonText.Span> s = LessonText.spans("a ** b and 2 * 3 * 4");
        assertEquals(1, s.size());
        assertEquals("a ** b and 2 * 3 * 4", s.get(0).text());
        assertFalse(s.get(0).bold());
    }
}
