/**
 * Image data for training: the CIFAR-10 binary format (reader, checksum-verified download, the
 * fixed train/validation split), a generated synthetic image set, augmentation and batching.
 * Plain Java: arrays in, arrays out.
 */
package io.greenband.trainer.data;
