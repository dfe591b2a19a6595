"""Writes the linear detector as ONNX by hand (onnx.helper, opset 13):
   Gather(W, indices) -> Mul(values) = contrib -> ReduceSum -> Add(bias) = logit.
`contrib` is the exact per-feature contribution used for explanations."""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def export_linear_onnx(weights, bias, path):
    W = numpy_helper.from_array(np.asarray(weights, dtype=np.float32), name='W')
    B = numpy_helper.from_array(np.array([bias], dtype=np.float32), name='bias')
    axes = numpy_helper.from_array(np.array([0], dtype=np.int64), name='axes')
    nodes = [
        helper.make_node('Gather', ['W', 'indices'], ['w_sel'], axis=0),
        helper.make_node('Mul', ['w_sel', 'values'], ['contrib']),
        helper.make_node('ReduceSum', ['contrib', 'axes'], ['dot'], keepdims=1),
        helper.make_node('Add', ['dot', 'bias'], ['logit']),
    ]
    graph = helper.make_graph(
        nodes, 'inkprint_detector_linear',
        [helper.make_tensor_value_info('indices', TensorProto.INT64, ['N']),
         helper.make_tensor_value_info('values', TensorProto.FLOAT, ['N'])],
        [helper.make_tensor_value_info('logit', TensorProto.FLOAT, [1]),
         helper.make_tensor_value_info('contrib', TensorProto.FLOAT, ['N'])],
        initializer=[W, B, axes])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)],
                              producer_name='inkprint-train')
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)
