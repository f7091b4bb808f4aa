"""Every weighting method against a hand-computed or published answer, and its state round trip."""

from __future__ import annotations

import io
import math

import pytest
import torch
from pydantic import TypeAdapter
from torch import nn

from mtl_platform.config.sharing import HardOptions
from mtl_platform.config.weighting import WeightingConfig
from mtl_platform.models.multitask import MultiTaskModel
from mtl_platform.models.sharing.hard import HardSharing
from mtl_platform.train.step import seeded
from mtl_platform.weighting import METHODS, build_weighting, regularization

OPTIONS = TypeAdapter(WeightingConfig)


def method(name: str, tasks: int = 2, **options):
    return build_weighting(OPTIONS.validate_python({"method": name, **options}), [f"t{i}" for i in range(tasks)])


def loss_weights(weighting, values: list[float]) -> list[float]:
    """w = df/dL, as the trainer takes it."""
    leaf = torch.tensor(values, requires_grad=True)
    weighting.objective(weighting.task_names, leaf).backward()
    return leaf.grad.tolist()


def gradient_weights(weighting, gradients: list[list[float]], values: list[float] | None = None) -> torch.Tensor:
    jacobian = torch.tensor(gradients, dtype=torch.float64)
    values = torch.tensor(values or [1.0] * len(gradients), dtype=torch.float64)
    return weighting.weights(jacobian @ jacobian.T, values)


def combined(gradients: list[list[float]], weights: torch.Tensor) -> torch.Tensor:
    return weights @ torch.tensor(gradients, dtype=torch.float64)


def test_equal_and_static_weights():
    assert loss_weights(method("equal"), [3.0, 5.0]) == [1.0, 1.0]
    # Static weights are rescaled to sum to the number of tasks.
    assert loss_weights(method("static", weights={"t0": 0.2, "t1": 0.6}), [3.0, 5.0]) == pytest.approx([0.5, 1.5])


def test_uncertainty_gradient_wrt_log_variance():
    weighting = method("uncertainty")
    (log_var,) = weighting.parameters()
    leaf = torch.tensor([2.0, 4.0], requires_grad=True)
    weighting.objective(weighting.task_names, leaf).backward()
    # f = sum_t exp(-s_t) L_t / 2 + s_t / 2 at s = 0: df/ds_t = -L_t / 2 + 1/2, df/dL_t = 1/2.
    assert log_var.grad.tolist() == pytest.approx([-0.5, -1.5])
    assert leaf.grad.tolist() == pytest.approx([0.5, 0.5])
    log_var.data.fill_(math.log(2.0))
    assert loss_weights(weighting, [2.0, 4.0]) == pytest.approx([0.25, 0.25])


def test_dwa_weights_from_a_loss_history():
    weighting = method("dwa", temperature=2.0, window=2)
    history = [[1.0, 2.0], [1.0, 2.0], [0.5, 2.0], [0.5, 2.0]]
    assert [loss_weights(weighting, v) for v in history] == [[1.0, 1.0]] * 4  # until two periods are complete
    # r = (0.5/1, 2/2); w = 2 softmax(r / 2)
    e1, e2 = math.exp(0.25), math.exp(0.5)
    assert loss_weights(weighting, [9.0, 9.0]) == pytest.approx([2 * e1 / (e1 + e2), 2 * e2 / (e1 + e2)])


def test_gls_weights_are_the_geometric_mean_over_each_loss():
    # f = 2 sqrt(L1 L2) = 4 at (1, 4); df/dL_t = sqrt(L1 L2) / L_t.
    assert loss_weights(method("gls"), [1.0, 4.0]) == pytest.approx([2.0, 0.5])


def test_rlw_draws_positive_weights_summing_to_the_task_count_from_seed_and_step():
    weighting = method("rlw", tasks=3)
    with seeded(0, 7):
        first = loss_weights(weighting, [1.0, 1.0, 1.0])
    with seeded(0, 7):
        again = loss_weights(weighting, [1.0, 1.0, 1.0])
    with seeded(0, 8):
        other = loss_weights(weighting, [1.0, 1.0, 1.0])
    assert first == again != other
    assert sum(first) == pytest.approx(3.0) and min(first) > 0


def test_famo_weights_and_logit_update():
    weighting = method("famo", lr=0.025, weight_decay=0.0)
    # z = (1/2, 1/2): w_t = T z_t / (L_t sum_j z_j / L_j) = 2 (0.5, 0.25) / 0.75
    assert loss_weights(weighting, [1.0, 2.0]) == pytest.approx([4 / 3, 2 / 3])
    # Task 0's loss halved, task 1's did not move: Adam's first step moves the logits by lr towards task 1.
    z = torch.softmax(torch.tensor([-0.025, 0.025]), 0).tolist()
    norm = z[0] / 0.5 + z[1] / 2.0
    assert loss_weights(weighting, [0.5, 2.0]) == pytest.approx([2 * z[0] / (0.5 * norm), 2 * z[1] / (2.0 * norm)])


def test_gradnorm_one_step_by_hand():
    weighting = method("gradnorm", alpha=1.5, lr=0.025)
    gradients = [[2.0, 0.0], [0.0, 1.0]]
    assert gradient_weights(weighting, gradients, [1.0, 1.0]).tolist() == [1.0, 1.0]
    # Norms (2, 1), mean 1.5, equal loss ratios -> target 1.5 each: the gradient of |w n - 1.5|
    # is (+2, -1); one step of 0.025 gives (0.95, 1.025), renormalized to sum 2.
    expected = [2 * 0.95 / 1.975, 2 * 1.025 / 1.975]
    assert gradient_weights(weighting, gradients, [1.0, 1.0]).tolist() == pytest.approx(expected)


def test_mgda_min_norm_point_of_two_gradients():
    g1, g2 = [1.0, 0.0], [0.0, 2.0]
    weights = gradient_weights(method("mgda", epsilon=1e-9, max_iters=1000), [g1, g2])
    # gamma = g2 . (g2 - g1) / ||g1 - g2||^2 = 4 / 5
    assert weights.tolist() == pytest.approx([0.8, 0.2], abs=1e-6)


def test_pcgrad_projects_two_conflicting_gradients():
    gradients = [[1.0, 0.0], [-1.0, 1.0]]
    # g1' = g1 - (g1.g2 / |g2|^2) g2 = (0.5, 0.5); g2' = g2 - (g2.g1 / |g1|^2) g1 = (0, 1)
    with seeded(0, 1):
        weights = gradient_weights(method("pcgrad"), gradients)
    assert combined(gradients, weights).tolist() == pytest.approx([0.5, 1.5])


def test_cagrad_with_c_zero_is_the_mean_gradient():
    weights = gradient_weights(method("cagrad", c=0.0), [[1.0, 0.0], [-1.0, 3.0]])
    assert weights.tolist() == pytest.approx([0.5, 0.5], abs=1e-6)


def test_imtl_projects_equally_on_every_unit_gradient():
    gradients = [[3.0, 0.0], [1.0, 1.0]]
    update = combined(gradients, gradient_weights(method("imtl"), gradients))
    units = torch.tensor(gradients, dtype=torch.float64)
    units = units / units.norm(dim=1, keepdim=True)
    projections = units @ update
    assert projections[0].item() == pytest.approx(projections[1].item())
    assert projections[0].item() > 0


def test_aligned_mtl_equalizes_orthogonal_gradients_to_the_smallest_norm():
    # Orthogonal gradients of norms 2 and 1: the balanced matrix has both singular values 1
    # (scale 'min'), and the update is the mean of the aligned gradients: (1/2)(g1/2) + (1/2)(g2/1).
    weights = gradient_weights(method("aligned_mtl"), [[2.0, 0.0], [0.0, 1.0]])
    assert weights.tolist() == pytest.approx([0.25, 0.5])


def test_upgrad_keeps_agreeing_gradients_and_never_opposes_a_task():
    agreeing = [[1.0, 0.0], [1.0, 1.0]]
    assert gradient_weights(method("upgrad"), agreeing).tolist() == pytest.approx([0.5, 0.5], abs=1e-6)
    conflicting = [[1.0, 0.0], [-1.0, 0.2]]
    update = combined(conflicting, gradient_weights(method("upgrad"), conflicting))
    assert (torch.tensor(conflicting, dtype=torch.float64) @ update >= -1e-9).all()


def test_nash_mtl_on_orthogonal_gradients_is_one_over_each_norm():
    # G alpha = 1 / alpha with G = diag(4, 1) -> alpha_t = 1 / ||g_t||
    weights = gradient_weights(method("nash_mtl", max_norm=0.0), [[2.0, 0.0], [0.0, 1.0]])
    assert weights.tolist() == pytest.approx([0.5, 1.0], rel=1e-2)


@pytest.mark.parametrize("name", sorted(set(METHODS) - {"static"}))
def test_state_round_trip_continues_exactly(name):
    """Save after 4 steps, load into a fresh instance: the next steps agree (for all methods)."""
    generator = torch.Generator().manual_seed(0)
    steps = [
        (torch.randn(3, 5, generator=generator, dtype=torch.float64), torch.rand(3, generator=generator) + 0.5)
        for _ in range(7)
    ]
    options = {"window": 2} if name == "dwa" else {}

    def run(weighting, batch, start):
        out = []
        for step, (jacobian, values) in enumerate(batch, start):
            with seeded(0, step):
                if weighting.requires == "gradients":
                    out += weighting.weights(jacobian @ jacobian.T, values.double()).tolist()
                else:
                    out += loss_weights(weighting, values.tolist())
        return out

    original = method(name, tasks=3, **options)
    run(original, steps[:4], 0)
    buffer = io.BytesIO()
    torch.save(original.state_dict(), buffer)
    buffer.seek(0)
    restored = method(name, tasks=3, **options)
    restored.load_state_dict(torch.load(buffer, weights_only=False))
    assert run(restored, steps[4:], 4) == pytest.approx(run(original, steps[4:], 4))


def test_regularization_adds_beta_times_the_squared_norm_of_shared_parameters():
    backbone = nn.Linear(1, 1, bias=False)
    backbone.hidden_size = 1
    backbone.weight.data.fill_(3.0)
    model = MultiTaskModel(HardSharing(["a"], backbone, HardOptions()), {"a": nn.Identity()})
    options = OPTIONS.validate_python({"regularizers": [{"name": "l2_shared", "beta": 0.5}]})
    assert regularization(options, model).item() == pytest.approx(0.5 * 9.0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"regularizers": [{"name": "l1", "beta": 1.0}]}, r"unknown regularizer 'l1'; allowed: \['l2_shared'\]"),
        ({"method": "dwa", "temperature": -1.0}, "greater than 0"),
        ({"method": "equal", "weights": {"a": 1.0}}, "Extra inputs"),
        ({"method": "upgrad", "c": 0.4}, "Extra inputs"),
        ({"method": "nope"}, "Input tag 'nope'"),
    ],
)
def test_bad_options_are_rejected(options, message):
    with pytest.raises(ValueError, match=message):
        OPTIONS.validate_python(options)
