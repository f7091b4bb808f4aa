"""Properties every weighting method keeps, checked over all of them (after TorchJD's aggregator
suite): one finite weight a task, the tasks' order not mattering, and tied tasks weighed alike
where the method promises it. The hand-computed cases are in test_weighting.py."""

from __future__ import annotations

import pytest
import torch

from mtl_platform.config.sharing import SHARING_OPTIONS
from mtl_platform.config.weighting import REGULARIZER_NAMES, WEIGHTING_OPTIONS
from mtl_platform.models.sharing import SCHEMES
from mtl_platform.train.step import seeded
from mtl_platform.weighting import METHODS
from mtl_platform.weighting.regularizers import REGULARIZERS
from tests.test_weighting import loss_weights, method

# Weights drawn at random each step: no order or tie can be promised of one draw.
RANDOM = {"rlw"}
# Projects in an order drawn each step: equivariant in distribution, not draw by draw.
DRAWN_ORDER = {"pcgrad"}
# Fixed by the config, not by the tasks: a permutation of the tasks keeps each task's own weight.
CONFIGURED = {"static"}
NAMES = sorted(set(METHODS) - CONFIGURED)


def weights(name: str, jacobian: torch.Tensor, values: torch.Tensor, steps: int = 3) -> torch.Tensor:
    """The weights at the last of `steps` steps on the same Jacobian and losses (stateful methods
    see a history)."""
    weighting = method(name, tasks=len(values), **({"window": 1} if name == "dwa" else {}))
    for step in range(steps):
        with seeded(0, step):
            if weighting.requires == "gradients":
                found = weighting.weights(jacobian @ jacobian.T, values)
            else:
                found = torch.tensor(loss_weights(weighting, values.tolist()), dtype=torch.float64)
    return found


def case(seed: int, tasks: int = 3) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    jacobian = torch.randn(tasks, 6, generator=generator, dtype=torch.float64)
    return jacobian, torch.rand(tasks, generator=generator, dtype=torch.float64) + 0.5


def test_every_method_has_its_options_and_the_same_family():
    assert set(METHODS) == set(WEIGHTING_OPTIONS)
    for name, weighting in METHODS.items():
        assert weighting.requires == WEIGHTING_OPTIONS[name].requires, name


def test_every_scheme_and_regularizer_has_its_options():
    assert set(SCHEMES) == set(SHARING_OPTIONS)
    assert set(REGULARIZERS) == set(REGULARIZER_NAMES)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", [0, 1])
def test_one_finite_weight_a_task(name, seed):
    found = weights(name, *case(seed))
    assert found.shape == (3,)
    assert torch.isfinite(found).all()


@pytest.mark.parametrize("name", sorted(set(NAMES) - RANDOM - DRAWN_ORDER))
def test_permuting_the_tasks_permutes_the_weights(name):
    jacobian, values = case(2)
    order = torch.tensor([2, 0, 1])
    permuted = weights(name, jacobian[order], values[order])
    assert permuted == pytest.approx(weights(name, jacobian, values)[order], abs=1e-5)


@pytest.mark.parametrize("name", sorted(set(NAMES) - RANDOM))
def test_tasks_with_the_same_gradient_and_loss_get_the_same_weight(name):
    jacobian, values = case(3)
    jacobian[1], values[1] = jacobian[0], values[0]
    found = weights(name, jacobian, values)
    assert found[0].item() == pytest.approx(found[1].item(), abs=1e-5)
