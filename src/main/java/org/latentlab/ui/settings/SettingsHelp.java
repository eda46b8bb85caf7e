package org.latentlab.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The settings panels' labels and tooltips, read from {@code settings-help.properties} beside this class: a key
 * {@code <path>.label} or {@code <name>.label} (a path wins over a component name), and the same with {@code .help}.
 * A setting not listed gets its component name made readable and a tooltip saying its path and kind.
 */
final class SettingsHelp {

    private static final SettingsHelp DEFAULT = new SettingsHelp(load());

    private final Properties text;

    private SettingsHelp(Properties text) {
        this.text = text;
    }

    static SettingsHelp standard() {
        return DEFAULT;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SettingsHelp.class.getResourceAsStream("settings-help.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    String label(String path, String name) {
        String l = text.getProperty(path + ".label", text.getProperty(name + ".label"));
        return l != null ? l : RecordFields.readable(name);
    }

    String help(String path, String name, SettingField.Kind kind) {
        String h = text.getProperty(path + ".help", text.getProperty(name + ".help"));
        String what = switch (kind) {
            case NUMBER -> "a number";
            case WHOLE -> "a whole number";
            case BOOLEAN -> "on or off";
            case CHOICE -> "one of the choices";
            case TEXT -> "text";
            case LIST -> "whole numbers separated by commas";
        };
        return (h == null ? "" : h + "\n") + path + ": " + what;
    }
}
