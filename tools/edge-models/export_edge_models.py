"""Export ResNet-18 and MobileNetV2-class models to ONNX with every BatchNormalization node kept.

For latency and memory measurements of LeanTTA on edge-sized networks (`./leantta bench --model FILE`): the
weights are random (seeded) and the BatchNorm running statistics are drawn at random too, so that each layer's
normalization is not the identity. Accuracy is meaningless; shapes, operators and cost are those of the real
architectures. Runs with Debian's python3-torch and python3-onnx (/usr/bin/python3).

    /usr/bin/python3 tools/edge-models/export_edge_models.py --out target/edge-models --sizes 96 224
"""
import argparse
import os
import sys

import onnx
import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "train"))
from train_model import unshare_initializers  # noqa: E402  (one place for the exporter's quirks)

OPSET = 13


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + (x if self.down is None else self.down(x)))


class ResNet18(nn.Module):
    """He et al. 2016, ImageNet layout: 7x7 stem, max pool, four stages of two basic blocks, 1000 classes."""

    def __init__(self, classes=1000):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
                                  nn.MaxPool2d(3, 2, 1))
        blocks, cin = [], 64
        for cout, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
            blocks += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(self.blocks(self.stem(x)), 1), 1))


def conv_bn(cin, cout, kernel, stride, groups=1, relu=True):
    layers = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    return nn.Sequential(*(layers + [nn.ReLU6()] if relu else layers))


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        layers = [] if expand == 1 else [conv_bn(cin, hidden, 1, 1)]
        layers += [conv_bn(hidden, hidden, 3, stride, groups=hidden), conv_bn(hidden, cout, 1, 1, relu=False)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        return x + self.body(x) if self.residual else self.body(x)


class MobileNetV2(nn.Module):
    """Sandler et al. 2018, width 1.0: the inverted-residual settings of the paper, 1000 classes."""

    SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                (6, 320, 1, 1)]

    def __init__(self, classes=1000):
        super().__init__()
        layers, cin = [conv_bn(3, 32, 3, 2)], 32
        for expand, cout, repeats, stride in self.SETTINGS:
            for i in range(repeats):
                layers.append(InvertedResidual(cin, cout, stride if i == 0 else 1, expand))
                cin = cout
        layers.append(conv_bn(cin, 1280, 1, 1))
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(1280, classes)

    def forward(self, x):
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(self.features(x), 1), 1))


def randomize_statistics(model, generator):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=generator) * 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=generator) * 0.5 + 0.75)


def export(model, size, path):
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 3, size, size), path, opset_version=OPSET,
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}})
    graph_model = onnx.load(path)
    unshare_initializers(graph_model.graph)
    onnx.checker.check_model(graph_model)
    onnx.save(graph_model, path)
    bns = sum(n.op_type == "BatchNormalization" for n in graph_model.graph.node)
    print(f"{path}: {os.path.getsize(path)} bytes, {bns} BatchNormalization layers, input 1x3x{size}x{size}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="target/edge-models")
    p.add_argument("--sizes", type=int, nargs="+", default=[96, 224])
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for name, build in [("resnet18", ResNet18), ("mobilenetv2", MobileNetV2)]:
        torch.manual_seed(a.seed)
        model = build()
        with torch.no_grad():
            randomize_statistics(model, torch.Generator().manual_seed(a.seed))
        for size in a.sizes:
            export(model, size, os.path.join(a.out, f"{name}-{size}.onnx"))


if __name__ == "__main__":
    main()
