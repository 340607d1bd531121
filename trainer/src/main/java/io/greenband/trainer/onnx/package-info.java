/**
 * ONNX export of trained shift networks: a small protobuf encoder for the ONNX model format and the
 * ResNet20 graph with shift weights stored as exact signed powers of two.
 */
package io.greenband.trainer.onnx;
