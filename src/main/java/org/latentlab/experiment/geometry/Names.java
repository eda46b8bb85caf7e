package org.latentlab.experiment.geometry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Pieces of cache file names: numbers without trailing zeros, short hashes of paths. */
final class Names {

    private Names() {
    }

    /** 1.0 as "1", 0.50 as "0.5", -0.5 as "-0.5". */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The first 8 hex digits of the SHA-256 of a folder's absolute, normalised path. */
    static String pathHash(Path p) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    p.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
