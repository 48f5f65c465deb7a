"""The staff's texts of a year's report: the report's own, and each strategic objective's."""

from __future__ import annotations

from django import forms

from maillage.reports.annual.models import AnnualReport, ObjectiveText


class ReportTextsForm(forms.ModelForm[AnnualReport]):
    class Meta:
        model = AnnualReport
        fields = ["moral_report", "governance", "team", "partnerships", "outlook"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}


class ObjectiveTextForm(forms.ModelForm[ObjectiveText]):
    class Meta:
        model = ObjectiveText
        fields = ["highlights", "difficulties"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
