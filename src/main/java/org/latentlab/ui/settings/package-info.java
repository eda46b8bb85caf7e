/**
 * Settings panels generated from the lab's validated spec records: {@link org.latentlab.ui.settings.RecordFields}
 * walks a record's components into labelled fields and rebuilds the record through its constructor when one
 * changes; {@link org.latentlab.ui.settings.SettingsPanelModel} is a panel's ViewModel (which fields are editable
 * before a run and while paused, the draft, the message, Apply); {@link org.latentlab.ui.settings.SettingsPanel}
 * draws it. Used by the GAN bench and the autoencoder / VAE / RBM bench. May import JavaFX, {@code ui.common} and
 * every lab package but the screens'.
 */
package org.latentlab.ui.settings;
