package org.latentlab.experiment;

import org.latentlab.train.GanView;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One {@link GanView} as a compact binary file: a magic word and a version, the kind, then every field in order
 * (big-endian, float arrays as float32 with their length, -1 for an absent array), the whole deflated. Nothing is
 * rounded, so a view read back equals the one written, array for array. Image grids of MNIST digits shrink to about
 * a fifth (black backgrounds); 2-D views to about nine tenths.
 */
public final class GanViewCodec {

    private static final int MAGIC = 0x4C4C5456; // "LLTV"
    private static final int VERSION = 1;
    private static final byte POINTS = 1;
    private static final byte IMAGES = 2;
    /** Larger arrays than this are taken for a damaged file, not allocated. */
    private static final int MAX_LENGTH = 64 << 20;

    private GanViewCodec() {
    }

    /** Writes {@code view} to {@code out} (not closed). */
    public static void write(GanView view, OutputStream out) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16);
            DataOutputStream d = new DataOutputStream(z);
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            if (view instanceof GanView.Images i) {
                d.writeByte(IMAGES);
                d.writeLong(i.iteration());
                d.writeInt(i.count());
                d.writeInt(i.channels());
                d.writeInt(i.height());
                d.writeInt(i.width());
                floats(d, i.pixels());
            } else {
                GanView.Points p = (GanView.Points) view;
                d.writeByte(POINTS);
                d.writeLong(p.iteration());
                d.writeInt(p.bounds().length);
                for (double b : p.bounds()) {
                    d.writeDouble(b);
                }
                floats(d, p.real());
                floats(d, p.fake());
                floats(d, p.heat());
                d.writeInt(p.heatRes());
                d.writeBoolean(p.heatIsProbability());
                floats(d, p.warp());
                d.writeInt(p.warpRes());
                floats(d, p.arrows());
                floats(d, p.modes());
                if (p.covered() == null) {
                    d.writeInt(-1);
                } else {
                    d.writeInt(p.covered().length);
                    for (boolean c : p.covered()) {
                        d.writeBoolean(c);
                    }
                }
                d.writeDouble(p.sigma());
                GanView.Optimal o = p.optimal();
                d.writeBoolean(o != null);
                if (o != null) {
                    floats(d, o.smoothed());
                    floats(d, o.exact());
                    d.writeDouble(o.gapSmoothed());
                    d.writeDouble(o.gapExact());
                    d.writeInt(o.samples());
                    d.writeDouble(o.bandwidthX());
                    d.writeDouble(o.bandwidthY());
                }
            }
            d.flush();
            z.finish();
        } finally {
            deflater.end();
        }
    }

    /** Reads one view; a file that is not one, or is cut short, fails with an {@link IOException} saying so. */
    public static GanView read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new InflaterInputStream(in));
        try {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a timeline snapshot");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new IOException("snapshot format " + version + " is not known (this lab reads " + VERSION + ")");
            }
            byte kind = d.readByte();
            if (kind == IMAGES) {
                long iteration = d.readLong();
                int count = d.readInt();
                int channels = d.readInt();
                int height = d.readInt();
                int width = d.readInt();
                float[] pixels = floats(d);
                try {
                    return new GanView.Images(iteration, pixels == null ? new float[0] : pixels, count, channels,
                            height, width);
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage());
                }
            }
            if (kind != POINTS) {
                throw new IOException("unknown snapshot kind " + kind);
            }
            long iteration = d.readLong();
            double[] bounds = new double[length(d.readInt())];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = d.readDouble();
            }
            float[] real = floats(d);
            float[] fake = floats(d);
            float[] heat = floats(d);
            int heatRes = d.readInt();
            boolean heatIsProbability = d.readBoolean();
            float[] warp = floats(d);
            int warpRes = d.readInt();
            float[] arrows = floats(d);
            float[] modes = floats(d);
            int n = d.readInt();
            boolean[] covered = null;
            if (n >= 0) {
                covered = new boolean[length(n)];
                for (int i = 0; i < n; i++) {
                    covered[i] = d.readBoolean();
                }
            }
            double sigma = d.readDouble();
            GanView.Optimal optimal = null;
            if (d.readBoolean()) {
                optimal = new GanView.Optimal(floats(d), floats(d), d.readDouble(), d.readDouble(), d.readInt(),
                        d.readDouble(), d.readDouble());
            }
            return new GanView.Points(iteration, bounds, real, fake, heat, heatRes, heatIsProbability, warp, warpRes,
                    arrows, modes, covered, sigma, optimal);
        } catch (java.io.EOFException e) {
            throw new IOException("the snapshot is cut short");
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the snapshot is damaged (" + e.getMessage() + ")");
        }
    }

    private static void floats(DataOutputStream d, float[] a) throws IOException {
        if (a == null) {
            d.writeInt(-1);
            return;
        }
        d.writeInt(a.length);
        byte[] bytes = new byte[4 * a.length];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().put(a);
        d.write(bytes);
    }

    private static float[] floats(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[4 * length(n)];
        d.readFully(bytes);
        float[] a = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(a);
        return a;
    }

    private static int length(int n) throws IOException {
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("the snapshot is damaged (an array of " + n + " values)");
        }
        return n;
    }
}
