/**
 * Deep shift neural network layers for DJL (DeepShift-Q and DeepShift-PS convolution and linear
 * blocks, fixed-point activations) and the CIFAR ResNet20 whose last convolutions they replace.
 */
package io.greenband.trainer.dsnn;
