/**
 * Image data for training on top of the {@code datasets} module's files: the fixed train/validation
 * split and hold-out, a generated synthetic image set, normalization, augmentation and batching.
 * Plain Java: arrays in, arrays out.
 */
package io.greenband.trainer.data;
