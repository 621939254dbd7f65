"""Validation: coding samples, human-coded sheets, agreement, a trainable coder, corrected shares.

A dictionary method has to be validated against careful human reading before its numbers are
trusted (Grimmer & Stewart 2013). This package draws the sample to code
(:func:`draw_sample`, :func:`coding_guide`), reads coded sheets with clear errors
(:func:`read_sheet`), measures the codebook's and a trained model's agreement with the human
codes and between coders (:func:`agreement_table`, :func:`intercoder_table`; both from coded
sheets at once, as the ``validate`` command and notebook 05 do: :func:`measure_sheets`), trains a
supervised coder from the sheet (:func:`train_frame_model`, :func:`load_frame_model`) and
reports frame shares corrected for the measured misclassification (:func:`corrected_shares`,
Rogan & Gladen 1978).
"""

from analysis._lazy import lazy_exports

__getattr__, __dir__, __all__ = lazy_exports(
    __name__,
    {
        "draw_sample": "sample",
        "coding_guide": "sample",
        "read_sheet": "sheets",
        "read_sheets": "sheets",
        "SheetError": "sheets",
        "consensus": "sheets",
        "agreement_table": "agreement",
        "intercoder_table": "agreement",
        "binary_agreement": "agreement",
        "tone_agreement": "agreement",
        "validation_sentence": "agreement",
        "machine_codes": "agreement",
        "plot_agreement": "plots",
        "plot_intercoder": "plots",
        "train_frame_model": "model",
        "load_frame_model": "model",
        "FrameModel": "model",
        "rogan_gladen": "correction",
        "corrected_shares": "correction",
        "validation_pairs": "correction",
        "pairs_from_agreement": "correction",
        "in_sample_frames": "correction",
        "read_agreement": "agreement",
        "current_agreement": "agreement",
        "run_coder_versions": "agreement",
        "sourcing_versions": "agreement",
        "stale_sourcing": "agreement",
        "unversioned_coders": "agreement",
        "AgreementError": "agreement",
        "frame_f1_lines": "agreement",
        "measure_sheets": "sheet_agreement",
        "write_agreement_tables": "sheet_agreement",
        "SheetAgreement": "sheet_agreement",
        "copy_validation_tables": "report_copy",
    },
)
