"""Per-task LoRA adapters (Hu et al., 2021) on one backbone, with `peft`.

Every task gets its own adapter on the same target modules; the forward pass
of a task's batch runs with only that task's adapter active. The base weights
are shared, and frozen by default. Adapters are saved in peft's format, one
folder per task, that peft's `PeftModel.from_pretrained` loads onto the Hugging Face
model (and `load_adapter` into a backbone of the same kind). After
training, `merge` folds the tasks' adapters into one with peft's
`add_weighted_adapter` (tune/merge.py), and every task then runs through it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from safetensors.torch import load_file, save_file
from torch import Tensor, nn

from mtl_platform.config.merge import PRUNING_MERGES, MajoritySign, MergeMethod
from mtl_platform.config.sharing import LoRAOptions
from mtl_platform.models.backbones import LanguageModelBackbone
from mtl_platform.models.sharing.base import Encoder
from mtl_platform.tracking.run_directory import ADAPTERS_DIR

if TYPE_CHECKING:
    from peft.tuners.lora import LoraModel

    from mtl_platform.models.backbones import Backbone

# peft is imported where it is used: it takes about a second to import.
ADAPTER_FILE = "adapter_model.safetensors"
MERGED = "merged"  # the adapter `merge` makes
PEFT_PREFIX = "base_model.model."  # where a PeftModel holds its base model: its saved keys start so


def adapted_model(backbone: Backbone) -> nn.Module:
    """The module adapters go into: the Hugging Face model itself where there is one (an
    encoder's, or a language model's), so that saved adapters load onto it with peft."""
    for name in ("encoder", "lm"):
        if isinstance(found := getattr(backbone, name, None), nn.Module):
            return found
    return backbone


class LoRASharing(Encoder):
    tuner: LoraModel  # peft's view of the adapters: what adds, merges and deletes them

    def __init__(self, tasks: list[str], backbone: Backbone, options: LoRAOptions):
        from peft.tuners.lora import LoraModel
        from peft.tuners.tuners_utils import BaseTunerLayer

        super().__init__(tasks, backbone.hidden_size)
        self.options = options
        self.backbone = backbone
        self.route: str | None = None  # the one adapter every task runs through (after `merge`)
        model = adapted_model(backbone)
        tuner = LoraModel(model, options.peft_config(), adapter_name=tasks[0])
        for task in tasks[1:]:  # what peft's PeftModel.add_adapter does
            tuner.peft_config[task] = options.peft_config()
            tuner.inject_adapter(model, task)
        # A plain attribute, not a submodule: it wraps `model`, whose tensors would be in the state dict twice.
        self.__dict__["tuner"] = tuner
        self.tuner_layers = [m for m in model.modules() if isinstance(m, BaseTunerLayer)]
        for name, parameter in backbone.named_parameters():
            is_adapter = self._owner(name) is not None
            parameter.requires_grad = is_adapter or (parameter.requires_grad and not options.freeze_base)

    def _owner(self, name: str) -> str | None:
        """The task whose adapter holds the parameter `name`, if any (peft names them `...lora_A.<task>...`)."""
        parts = name.split(".")
        return next((t for t in self.tasks if t in parts and "lora" in name), None)

    def activate(self, task: str) -> None:
        # Set peft's active adapter directly: its set_adapter() also flips requires_grad
        # of the other adapters, which DDP and the optimizer must not see mid-run.
        for layer in self.tuner_layers:
            layer._active_adapter = [self.route or task]

    def merge(
        self,
        weights: dict[str, float],
        method: MergeMethod,
        density: float | None = None,
        majority_sign: MajoritySign = "total",
    ) -> None:
        """Every task now runs through one adapter, the tasks' adapters merged by peft's
        `add_weighted_adapter`; a second merge replaces the first."""
        if MERGED in self.tuner.peft_config:
            self.tuner.delete_adapter(MERGED)
        self.tuner.add_weighted_adapter(
            list(weights),
            list(weights.values()),
            MERGED,
            combination_type=method,
            density=density if method in PRUNING_MERGES else None,
            majority_sign_method=majority_sign,
        )
        self.route = MERGED

    def forward(self, task: str, input_ids: Tensor, attention_mask: Tensor, **decoder: Tensor) -> Tensor:
        self.activate(task)
        return self.backbone(input_ids, attention_mask, **decoder)

    @property
    def routes_rows(self) -> bool:
        return self.route is None  # merged: one adapter for every row, one pass as under hard sharing

    def forward_rows(
        self, row_tasks: list[str], input_ids: Tensor, attention_mask: Tensor, **decoder: Tensor
    ) -> Tensor:
        """One pass in which each row goes through its task's adapter: peft's mixed-adapter
        forward (`adapter_names`), handed to each adapted layer as peft's PeftModel does. peft
        allows it at inference only; its per-row sums are differentiable, and a test checks that
        each row's loss reaches its own adapter alone, as separate passes would."""

        def with_names(module: nn.Module, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
            return args, {**kwargs, "adapter_names": row_tasks}

        hooks = [layer.register_forward_pre_hook(with_names, with_kwargs=True) for layer in self.tuner_layers]
        try:
            return self.backbone(input_ids, attention_mask, **decoder)
        finally:
            for hook in hooks:
                hook.remove()

    def generate(self, task: str, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        if not isinstance(self.backbone, LanguageModelBackbone):  # the job's checks refuse such a job
            return super().generate(task, input_ids, attention_mask, **options)
        self.activate(task)
        return self.backbone.generate(input_ids, attention_mask, **options)

    def task_modules(self, task: str) -> list[nn.Module]:
        return []  # adapters live inside the backbone's modules; see task_parameters

    def task_parameters(self, task: str) -> list[nn.Parameter]:
        return [p for name, p in self.backbone.named_parameters() if p.requires_grad and self._owner(name) == task]

    def export(self, directory: Path) -> None:
        self.save_adapters(directory / ADAPTERS_DIR)

    def save_adapters(self, directory: Path, adapters: list[str] | None = None) -> None:
        """One folder per adapter (each task's by default): peft's adapter_config.json and
        adapter_model.safetensors."""
        from peft import get_peft_model_state_dict

        model = adapted_model(self.backbone)
        for adapter in adapters or self.tasks:
            folder = directory / adapter
            folder.mkdir(parents=True, exist_ok=True)
            self.tuner.peft_config[adapter].save_pretrained(str(folder))
            state = get_peft_model_state_dict(model, adapter_name=adapter)
            tensors = {PEFT_PREFIX + k: v.detach().cpu().contiguous() for k, v in state.items()}
            save_file(tensors, str(folder / ADAPTER_FILE))

    def load_adapter(self, task: str, folder: Path) -> None:
        """Load a saved adapter (e.g. another run's) as `task`'s adapter."""
        from peft import set_peft_model_state_dict

        state = {k.removeprefix(PEFT_PREFIX): v for k, v in load_file(str(folder / ADAPTER_FILE)).items()}
        set_peft_model_state_dict(adapted_model(self.backbone), state, adapter_name=task)
