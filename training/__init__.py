"""Training and evaluation for Mentos: data preparation, LoRA SFT, DPO, style converters,
evaluation. A command-line package (`python -m training --help`); it never imports Django."""
