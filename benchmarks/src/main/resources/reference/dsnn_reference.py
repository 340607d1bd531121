"""PyTorch reference for greenband's trainer benchmark.

A CIFAR ResNet20 whose last `depth` convolutions (and, in a DSNN, the linear layer) are DeepShift layers,
written from the published equations (Elhoushi et al., DeepShift: Towards Multiplication-Less Neural Networks):

  DeepShift-Q:  W = sgn(V) * 2^round(log2 |V|), exponent clipped to [min_shift, 0]; dL/dV = dL/dW.
  DeepShift-PS: W = sgn(round(S)) * 2^round(P); dL/dP = dL/dW * W * ln 2, dL/dS = dL/dW.
  Inputs and biases of shift layers are floored to a fixed-point grid (16.16), straight through.

It measures one variant exactly as greenband's benchmark does (same batch, threads, warm-up and timed steps;
a step is forward, cross-entropy plus the PS penalty, backward, SGD update, latent clamp; inference is a
forward pass in evaluation mode without gradients) and prints one JSON line.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

WEIGHT_BITS = 5
WEIGHT_DECAY = 1e-4
FRACTION_BITS = 16
INTEGER_BITS = 16


def fixed_point(x):
    """Floors to the 2^-16 grid, clips to [-2^15, 2^15 - 1]; gradient straight through."""
    scale = float(2 ** FRACTION_BITS)
    q = torch.clamp(torch.floor(x * scale) / scale, -(2.0 ** (INTEGER_BITS - 1)), 2.0 ** (INTEGER_BITS - 1) - 1)
    return x + (q - x).detach()


class QuantizeQ(torch.autograd.Function):
    """sgn(V) * 2^round(log2|V|), exponent in [min_shift, 0]; identity gradient."""

    @staticmethod
    def forward(ctx, v, min_shift):
        exponent = torch.clamp(torch.round(torch.log2(v.abs())), min_shift, 0)
        return torch.sign(v) * torch.pow(2.0, exponent)

    @staticmethod
    def backward(ctx, grad):
        return grad, None


class PowerSign(torch.autograd.Function):
    """sgn(round(S)) * 2^round(P); dP = g * W * ln 2, dS = g."""

    @staticmethod
    def forward(ctx, p, s):
        w = torch.sign(torch.round(s)) * torch.pow(2.0, torch.round(p))
        ctx.save_for_backward(w)
        return w

    @staticmethod
    def backward(ctx, grad):
        (w,) = ctx.saved_tensors
        return grad * w * math.log(2.0), grad


class ShiftLayer(nn.Module):
    """Latent parameters of a Q or PS layer of weight shape `shape`, with the clamp and the PS penalty."""

    def __init__(self, kind, shape, fan_in, bias):
        super().__init__()
        self.kind = kind
        bound = 1.0 / math.sqrt(fan_in)
        magnitudes = 1 << (WEIGHT_BITS - 1)
        self.min_shift = -(magnitudes - 1) if kind == "q" else -(magnitudes - 2)
        if kind == "q":
            self.weight = nn.Parameter(torch.empty(shape).uniform_(-bound, bound))
        else:
            dense = torch.empty(shape).uniform_(-bound, bound)
            self.shift = nn.Parameter(torch.clamp(torch.round(torch.log2(dense.abs())), self.min_shift, 0))
            self.sign = nn.Parameter(torch.sign(dense))
        self.bias = nn.Parameter(torch.empty(shape[0]).uniform_(-bound, bound)) if bias else None

    def effective_weight(self):
        if self.kind == "q":
            return QuantizeQ.apply(self.weight, self.min_shift)
        return PowerSign.apply(self.shift, self.sign)

    def effective_bias(self):
        return None if self.bias is None else fixed_point(self.bias)

    @torch.no_grad()
    def clamp(self):
        if self.kind == "q":
            self.weight.copy_(torch.sign(self.weight) * self.weight.abs().clamp(2.0 ** self.min_shift, 1.0))
        else:
            self.shift.clamp_(self.min_shift, 0)

    def penalty(self):
        return torch.pow(2.0, 2 * self.shift).sum() if self.kind == "ps" else None


class ShiftConv(ShiftLayer):
    def __init__(self, kind, cin, cout, stride):
        super().__init__(kind, (cout, cin, 3, 3), cin * 9, False)
        self.stride = stride

    def forward(self, x):
        return F.conv2d(fixed_point(x), self.effective_weight(), self.effective_bias(), self.stride, 1)


class ShiftLinear(ShiftLayer):
    def __init__(self, kind, cin, cout):
        super().__init__(kind, (cout, cin), cin, True)

    def forward(self, x):
        return F.linear(fixed_point(x), self.effective_weight(), self.effective_bias())


def dense_conv(cin, cout, stride):
    conv = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
    bound = 1.0 / math.sqrt(cin * 9)
    nn.init.uniform_(conv.weight, -bound, bound)
    return conv


class BasicBlock(nn.Module):
    """conv-BN-ReLU-conv-BN plus the identity or option-A shortcut, then ReLU."""

    def __init__(self, conv1, conv2, cin, cout):
        super().__init__()
        self.conv1, self.bn1, self.conv2, self.bn2 = conv1, nn.BatchNorm2d(cout), conv2, nn.BatchNorm2d(cout)
        self.pad = (cout - cin) // 2

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        shortcut = x if self.pad == 0 else F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, self.pad, self.pad))
        return F.relu(y + shortcut)


class ResNet20(nn.Module):
    def __init__(self, kind, depth):
        super().__init__()
        first_shifted = 19 - min(depth, 19) if kind != "float" else 19
        index = [0]

        def conv(cin, cout, stride):
            shifted = index[0] >= first_shifted
            index[0] += 1
            return ShiftConv(kind, cin, cout, stride) if shifted else dense_conv(cin, cout, stride)

        self.stem = conv(3, 16, 1)
        self.bn = nn.BatchNorm2d(16)
        blocks, cin = [], 16
        for stage, cout in enumerate((16, 32, 64)):
            for block in range(3):
                stride = 2 if stage > 0 and block == 0 else 1
                c1 = conv(cin, cout, stride)
                c2 = conv(cout, cout, 1)
                blocks.append(BasicBlock(c1, c2, cin, cout))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.linear = nn.Linear(64, 10) if kind == "float" else ShiftLinear(kind, 64, 10)
        self.shift_layers = [m for m in self.modules() if isinstance(m, ShiftLayer)]

    def forward(self, x):
        y = self.blocks(F.relu(self.bn(self.stem(x))))
        return self.linear(torch.flatten(F.adaptive_avg_pool2d(y, 1), 1))

    def clamp(self):
        for layer in self.shift_layers:
            layer.clamp()

    def penalty(self):
        terms = [p for p in (layer.penalty() for layer in self.shift_layers) if p is not None]
        return sum(terms) if terms else None


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", required=True, help="float, q-<depth> or ps-<depth>")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    kind, depth = ("float", 0) if args.variant == "float" else (args.variant.split("-")[0], int(args.variant.split("-")[1]))

    reset_peak()
    model = ResNet20(kind, depth)
    model.clamp()
    latent = [p for n, p in model.named_parameters() if n.endswith(".shift") or n.endswith(".sign")]
    others = [p for n, p in model.named_parameters() if not (n.endswith(".shift") or n.endswith(".sign"))]
    optimizer = torch.optim.SGD([{"params": others, "weight_decay": WEIGHT_DECAY},
                                 {"params": latent, "weight_decay": 0.0}], lr=0.05, momentum=0.9)
    x = torch.randn(args.batch, 3, 32, 32)
    labels = torch.randint(0, 10, (args.batch,))

    def step():
        model.train()
        loss = F.cross_entropy(model(x), labels)
        penalty = model.penalty()
        if penalty is not None:
            loss = loss + penalty * (WEIGHT_DECAY / 2)
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        optimizer.step()
        model.clamp()

    def infer():
        model.eval()
        with torch.no_grad():
            model(x).argmax(1)[0].item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    train = args.steps * args.batch / (time.perf_counter() - start)
    for _ in range(args.warmup):
        infer()
    start = time.perf_counter()
    for _ in range(args.steps):
        infer()
    inference = args.steps * args.batch / (time.perf_counter() - start)
    print(json.dumps({"variant": args.variant, "train_images_per_s": train, "infer_images_per_s": inference,
                      "peak_memory_mib": peak_mib(), "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
