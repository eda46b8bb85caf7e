package org.latentlab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session file: written and read back equal, refused with one line naming the file and field, and planned. */
class LabSessionTest {

    @TempDir
    Path dir;

    private static LabSession sample() {
        return new LabSession(LabSession.FORMAT, "geometry", "hessian", "wake-sleep", "Interpolation",
                "/runs/ae", new LabSession.Bench("ring8-nsgan", null, "/runs/gan"),
                new LabSession.Bench(null, "/exp/vae.json", null));
    }

    @Test
    void aSessionReadsBackEqualToTheOneWritten() {
        Path file = dir.resolve("s.json");
        sample().write(file);
        assertEquals(sample(), LabSession.read(file));
        LabSession bare = new LabSession(1, "gan", " ", null, null, null, null, null);
        bare.write(file);
        LabSession read = LabSession.read(file);
        assertEquals(bare, read);
        assertNull(read.geometry());
        assertEquals(new LabSession.Bench(null, null, null), read.gan());
    }

    private LabException refused(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        LabException e = assertThrows(LabException.class, () -> LabSession.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Exception"), e.getMessage());
        return e;
    }

    @Test
    void aBadSessionIsRefusedWithOneLineNamingTheFileAndField() throws Exception {
        assertTrue(refused("{\"format\": 1, \"tab\": \"kitchen\"}").getMessage().contains("tab: must be one of gan,"
                + " models, latent, geometry, builder, sweeps, not 'kitchen'"));
        assertTrue(refused("{\"format\": 1}").getMessage().contains("tab:"));
        assertTrue(refused("{\"format\": 2, \"tab\": \"gan\"}").getMessage().contains("format: this lab reads session"
                + " format 1, not 2"));
        assertTrue(refused("{\"format\": 1, \"tab\": \"gan\", \"geometry\": \"moon\"}").getMessage()
                .contains("geometry: must be toy, hessian"));
        assertTrue(refused("{\"format\": 1, \"tab\": \"gan\", \"gan\": {\"preset\": \"a\", \"experiment\": \"b\"}}")
                .getMessage().contains("gan.preset and experiment"));
        String unknown = refused("{\"format\": 1, \"tab\": \"gan\", \"colour\": 3}").getMessage();
        assertTrue(unknown.contains("colour"), unknown);
        String syntax = refused("{\"format\": 1, \"tab\": ").getMessage();
        assertTrue(syntax.contains("line"), syntax);
        LabException missing = assertThrows(LabException.class, () -> LabSession.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
    }

    @Test
    void aSessionWithItsRunFolderGoneRestoresTheRestAndSaysWhy() {
        Path file = dir.resolve("s.json");
        new LabSession(1, "geometry", "tangents", null, null, null,
                new LabSession.Bench("grid25-nsgan", null, dir.resolve("gone").toString()),
                new LabSession.Bench("ring8-ae-2d", null, null)).write(file);
        LaunchPlan plan = LaunchPlan.of(List.of("--session=" + file));
        assertEquals(LaunchPlan.Tab.GEOMETRY, plan.tab());
        assertEquals(org.latentlab.ui.geometry.GeometryView.Section.TANGENTS, plan.section());
        assertEquals("grid25-nsgan", plan.ganPreset());
        assertEquals("ring8-ae-2d", plan.modelPreset());
        assertNull(plan.ganRun());
        assertEquals(1, plan.messages().size(), plan.messages().toString());
        assertTrue(plan.messages().get(0).startsWith("--run: no such run folder") && plan.messages().get(0)
                .contains("gone"), plan.messages().get(0));
        LaunchPlan mine = LaunchPlan.of(List.of("--session=" + file, "--tab=latent"));
        assertEquals(LaunchPlan.Tab.LATENT, mine.tab(), "the command line's own options win");
        LaunchPlan broken = LaunchPlan.of(List.of("--session=" + dir.resolve("none.json"), "--tab=builder"));
        assertEquals(LaunchPlan.Tab.BUILDER, broken.tab());
        assertTrue(broken.messages().get(0).startsWith("--session: ") && broken.messages().get(0).contains(
                "none.json"), broken.messages().toString());
    }
}
