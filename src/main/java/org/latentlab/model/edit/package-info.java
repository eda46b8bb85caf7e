/**
 * The engine of the network builder: everything the builder screen does, without a screen (no JavaFX here; the
 * canvas in {@code org.latentlab.ui} only renders and dispatches, as in Gluon Scene Builder).
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link NetworkGraph}: one network as nodes ({@link InputNode}, {@link LayerNode} with a stable id, a
 *       {@link org.latentlab.model.LayerSpec} and a position) and {@link Edge}s; an immutable snapshot,
 *       convertible from and (when valid) to the {@link org.latentlab.model.NetworkSpec} of the experiment
 *       files.</li>
 *   <li>{@link ModelDesign}: a {@link ModelFamily}, its data shape and one graph per {@link Role} (GAN: generator
 *       and discriminator or critic; autoencoder and VAE: encoder and decoder; RBM; a single network).</li>
 *   <li>{@link NetworkCheck} and {@link DesignCheck}: inferred shapes per node and {@link Diagnostic}s attached to
 *       nodes and edges.</li>
 *   <li>{@link CostEstimate}: parameters, activation memory and FLOPs per layer.</li>
 *   <li>{@link LayerProperties} (the property sheet), {@link Palette}, {@link DesignTemplates},
 *       {@link DesignFiles} (JSON).</li>
 * </ul>
 *
 * <h2>Editing</h2>
 * A {@link DesignDocument} holds the current design and tells its listeners of every change; an
 * {@link EditHistory} performs {@link Edit}s and undoes and redoes them. A shell does:
 * <pre>
 *   DesignDocument doc = new DesignDocument(DesignTemplates.get("dcgan-28").design());
 *   EditHistory history = new EditHistory();
 *   doc.addListener((before, after) -&gt; redraw(after, doc.check()));
 *   AddLayerEdit add = new AddLayerEdit(doc, Role.GENERATOR, Palette.entry("dense").orElseThrow(), dropPoint);
 *   history.perform(new CompositeEdit(doc, "Add dense",
 *           List.of(add, new ConnectEdit(doc, portOwnerId, add.nodeId()))));
 *   history.perform(new SetLayerPropertyEdit(doc, nodeId, "units", 256)); // LabException with the reason if refused
 *   undoItem.setText(history.undoLabel());                                 // "Undo Set units of 'dense' to 256"
 * </pre>
 * Refused edits throw {@link org.latentlab.core.LabException} and change nothing; a canvas may ask
 * {@link DesignEdit#refusal()} first (while dragging a connection, say). One thread owns a document.
 */
package org.latentlab.model.edit;
