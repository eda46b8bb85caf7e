package org.latentlab.train;

/**
 * One immutable report of a running GAN ({@link TrainingStatus} with the two players' parts), published by {@link TrainingRun} from its thread. Values that were not
 * measured are NaN; {@code view} and {@code evaluation} are null when there is nothing new.
 *
 * @param realScore  mean D(x) over the last real batch (σ(score) for probabilistic losses, else the raw critic score)
 * @param fakeScore  mean D(G(z)) over the last generated batch, same convention
 * @param itersPerSecond iterations per second over the last reporting window
 * @param partialDiscriminatorSteps D updates made by hand (Step D) since the last whole iteration
 * @param partialGeneratorSteps     G updates made by hand (Step G) since the last whole iteration
 * @param informationBound InfoGAN's lower bound ln K − CE of I(c_cat; G(z, c)) on the last batch (NaN otherwise)
 * @param bigan      a BiGAN's encoder view (reconstructions, code scatter), made with {@code view}; else null
 */
public record GanStatus(RunState state, long iteration, long maxIterations, int partialDiscriminatorSteps,
                             int partialGeneratorSteps, double discriminatorLoss,
                             double generatorLoss, double realScore, double fakeScore, double penalty,
                             double discriminatorGradNorm, double generatorGradNorm, GanSettings settings,
                             long elapsedMillis, double itersPerSecond, Evaluation evaluation, GanView view,
                             String message, boolean fault, double informationBound, BiganView bigan)
        implements TrainingStatus {

    /** A status with InfoGAN's information bound and no encoder view. */
    public GanStatus(RunState state, long iteration, long maxIterations, int partialDiscriminatorSteps,
                     int partialGeneratorSteps, double discriminatorLoss, double generatorLoss, double realScore,
                     double fakeScore, double penalty, double discriminatorGradNorm, double generatorGradNorm,
                     GanSettings settings, long elapsedMillis, double itersPerSecond, Evaluation evaluation,
                     GanView view, String message, boolean fault, double informationBound) {
        this(state, iteration, maxIterations, partialDiscriminatorSteps, partialGeneratorSteps, discriminatorLoss,
                generatorLoss, realScore, fakeScore, penalty, discriminatorGradNorm, generatorGradNorm, settings,
                elapsedMillis, itersPerSecond, evaluation, view, message, fault, informationBound, null);
    }

    /** A status without InfoGAN's information bound or an encoder view. */
    public GanStatus(RunState state, long iteration, long maxIterations, int partialDiscriminatorSteps,
                     int partialGeneratorSteps, double discriminatorLoss, double generatorLoss, double realScore,
                     double fakeScore, double penalty, double discriminatorGradNorm, double generatorGradNorm,
                     GanSettings settings, long elapsedMillis, double itersPerSecond, Evaluation evaluation,
                     GanView view, String message, boolean fault) {
        this(state, iteration, maxIterations, partialDiscriminatorSteps, partialGeneratorSteps, discriminatorLoss,
                generatorLoss, realScore, fakeScore, penalty, discriminatorGradNorm, generatorGradNorm, settings,
                elapsedMillis, itersPerSecond, evaluation, view, message, fault, Double.NaN, null);
    }

    /** The status of a GAN run: the run's progress, the trainer's last step, a new measurement and view if any. */
    public static GanStatus of(TrainingRun.Progress p, GanTrainer trainer, Evaluation evaluation, GanView view) {
        return of(p, trainer, evaluation, view, null);
    }

    /** The same with a BiGAN's encoder view (null when there is none or nothing new). */
    public static GanStatus of(TrainingRun.Progress p, GanTrainer trainer, Evaluation evaluation, GanView view,
                               BiganView bigan) {
        if (trainer == null) {
            return new GanStatus(p.state(), p.iteration(), p.maxIterations(), 0, 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, p.elapsedMillis(), p.itersPerSecond(),
                    evaluation, view, p.message(), p.fault(), Double.NaN, bigan);
        }
        GanTrainer.StepStats s = trainer.lastStats();
        return new GanStatus(p.state(), p.iteration(), p.maxIterations(), trainer.partialDiscriminatorSteps(),
                trainer.partialGeneratorSteps(), s.discriminatorLoss, s.generatorLoss,
                s.realScore, s.fakeScore, s.penalty, s.discriminatorGradNorm, s.generatorGradNorm, trainer.settings(),
                p.elapsedMillis(), p.itersPerSecond(), evaluation, view, p.message(), p.fault(),
                s.informationBound, bigan);
    }

    @Override
    public String settingsSummary() {
        return settings == null ? "" : settings.describe();
    }

    /** Updates made by hand (Step D, Step G) since the last whole iteration. */
    public int partialSteps() {
        return partialDiscriminatorSteps + partialGeneratorSteps;
    }
}
