#!/usr/bin/python3
"""Export your own PyTorch classifier to ONNX the way LeanTTA needs it: BatchNormalization nodes kept.

A plain eval-mode export folds every BatchNorm into the convolution before it, which leaves nothing to adapt.
This exports with training=TrainingMode.PRESERVE and do_constant_folding=False (the model itself in eval mode,
so the nodes are inference BatchNorms with their running statistics), gives every BatchNorm its own tensors,
adds shape information, checks the result and prints its SHA-256 for the gateway's "Model SHA-256" setting.

The model comes either as a whole module saved with torch.save(model, FILE) (--model FILE) or as a factory
function that builds it plus a state dict (--factory package.module:function --weights FILE); the factory's
module must be importable (add its folder with --path DIR).

    /usr/bin/python3 tools/byo-model/export_model.py --factory mynet:build --weights mynet.pt --path ~/src \\
        --input-shape 1,28,28 --labels "cat,dog,bird" --out models/mynet.onnx

Needs Debian's python3-torch and python3-onnx (run with /usr/bin/python3).
"""

import argparse
import hashlib
import importlib
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "train"))
from train_model import OPSET, export_onnx  # noqa: E402  one export, shared with the training


def load_model(args):
    if args.model:
        model = torch.load(args.model, map_location="cpu")
        if not isinstance(model, nn.Module):
            sys.exit(f"{args.model} holds a {type(model).__name__}, not a whole module: save it with "
                     "torch.save(model, FILE), or give --factory and --weights for a state dict")
        return model
    if not (args.factory and args.weights):
        sys.exit("give --model FILE (a whole module) or --factory MODULE:FUNCTION with --weights FILE")
    module_name, _, function = args.factory.partition(":")
    for p in args.path:
        sys.path.insert(0, p)
    model = getattr(importlib.import_module(module_name), function or "build")()
    state = torch.load(args.weights, map_location="cpu")
    model.load_state_dict(state.get("state_dict", state) if isinstance(state, dict) else state)
    return model


def batch_norms(model):
    return [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", help="a whole module saved with torch.save(model, FILE)")
    p.add_argument("--factory", help="MODULE:FUNCTION that returns the untrained module")
    p.add_argument("--weights", help="its state dict (torch.save(model.state_dict(), FILE))")
    p.add_argument("--path", action="append", default=[], help="a folder to import the factory's module from")
    p.add_argument("--input-shape", required=True,
                   help="one sample's shape without the batch: C,H,W for images (NCHW), C,L for signals (NCL)")
    p.add_argument("--labels", help="class names, comma-separated: written to OUT's .labels file, one a line")
    p.add_argument("--out", required=True, help="the ONNX file to write")
    args = p.parse_args()

    model = load_model(args)
    expected = len(batch_norms(model))
    if expected == 0:
        sys.exit("the model has no BatchNorm layer: LeanTTA adapts BatchNorm statistics, so there is nothing to "
                 "adapt (a plain int8 model: 'leantta quantize --plain')")
    shape = [int(v) for v in args.input_shape.split(",")]
    graph_model = export_onnx(model, args.out, shape)
    kept = [n for n in graph_model.graph.node if n.op_type == "BatchNormalization"]
    if len(kept) != expected:
        sys.exit(f"{len(kept)} of {expected} BatchNorm layers survived the export: is a BatchNorm fused by hand "
                 "or used in a way the exporter folds?")
    if args.labels:
        with open(os.path.splitext(args.out)[0] + ".labels", "w") as f:
            f.write("\n".join(s.strip() for s in args.labels.split(",")) + "\n")
    with open(args.out, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    print(f"wrote {args.out}: input {['N'] + shape}, {len(kept)} BatchNormalization nodes kept, opset {OPSET}")
    print(f"sha256 {sha}")


if __name__ == "__main__":
    main()
