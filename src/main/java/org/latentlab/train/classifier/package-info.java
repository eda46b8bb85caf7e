/**
 * The classifier family: a small convolutional network trained by softmax cross-entropy on the lab's engine
 * ({@link org.latentlab.train.classifier.ClassifierTrainer}), and what the evaluation of generated images asks of
 * a trained one ({@link org.latentlab.train.classifier.Classifier}: class probabilities, penultimate features,
 * accuracy and confusion matrix on a labelled set; {@link org.latentlab.train.classifier.StackedMnistModes}: the
 * mode of a Stacked MNIST image). Same imports as {@code train}.
 */
package org.latentlab.train.classifier;
