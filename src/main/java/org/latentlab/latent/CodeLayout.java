package org.latentlab.latent;

import java.util.List;

/**
 * Where the latent studio's code goes in a decoder's input. A plain decoder takes the code as it is. A conditional
 * GAN's G (Mirza and Osindero 2014) takes the code z followed by the one-hot label of one of {@code labelNames}. An
 * InfoGAN's G (Chen et al. 2016) takes [noise, one-hot categorical code, continuous codes]: the studio's code is the
 * noise followed by the {@code continuous} continuous codes, and the one-hot block goes between them.
 *
 * @param codeSize   the values of the studio's code
 * @param labelNames a conditional G's class names or an InfoGAN's categorical values; empty for other decoders
 * @param continuous an InfoGAN's continuous codes, the last values of the code; 0 for other decoders
 * @param infoGan    whether the one-hot block is an InfoGAN's categorical code
 */
record CodeLayout(int codeSize, List<String> labelNames, int continuous, boolean infoGan) {

    CodeLayout {
        labelNames = List.copyOf(labelNames);
    }

    /** A decoder that takes the code as it is. */
    static CodeLayout plain(int codeSize) {
        return new CodeLayout(codeSize, List.of(), 0, false);
    }

    /** A conditional G's input: the code of {@code codeSize} values, then the one-hot label of one of the classes. */
    static CodeLayout conditional(int codeSize, List<String> labelNames) {
        if (labelNames.size() < 2) {
            throw new IllegalArgumentException("a conditional generator has at least 2 classes, not "
                    + labelNames.size());
        }
        return new CodeLayout(codeSize, labelNames, 0, false);
    }

    /** An InfoGAN's G's input: {@code noise} values, the one-hot categorical code, {@code continuous} codes. */
    static CodeLayout infoGan(int noise, int continuous, List<String> values) {
        if (values.size() < 2 || continuous < 0) {
            throw new IllegalArgumentException("an InfoGAN generator has a categorical code of at least 2 values and"
                    + " no negative count of continuous codes, not " + values.size() + " and " + continuous);
        }
        return new CodeLayout(noise + continuous, values, continuous, true);
    }

    /** The decoder's input size: the code and the one-hot block. */
    int width() {
        return codeSize + labelNames.size();
    }

    /** Where value j of the code goes in the decoder's input: after the one-hot block for an InfoGAN's codes. */
    int column(int j) {
        return j < codeSize - continuous ? j : j + labelNames.size();
    }

    /** The one-hot block's first column in the decoder's input. */
    int labelColumn() {
        return codeSize - continuous;
    }

    /** Writes {@code code} and the one-hot {@code label} into the input row that starts at {@code offset}. */
    void fill(double[] code, int label, double[] row, int offset) {
        for (int j = 0; j < codeSize; j++) {
            row[offset + column(j)] = code[j];
        }
        for (int k = 0; k < labelNames.size(); k++) {
            row[offset + labelColumn() + k] = k == label ? 1 : 0;
        }
    }

    /** Writes {@code code} and the one-hot {@code label} into the input row {@code row}, in single precision. */
    void fill(double[] code, int label, float[] row) {
        for (int j = 0; j < codeSize; j++) {
            row[column(j)] = (float) code[j];
        }
        for (int k = 0; k < labelNames.size(); k++) {
            row[labelColumn() + k] = k == label ? 1 : 0;
        }
    }
}
