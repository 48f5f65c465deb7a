"""What the hub spent on each plan action in a year, as its treasurer's analytical accounts say:
entered by staff, one amount per action and year; the report sets them beside the income."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ActionExpenseQuerySet(models.QuerySet["ActionExpense"]):
    def of_year(self, year: int) -> ActionExpenseQuerySet:
        return self.filter(year=year)


class ActionExpense(models.Model):
    action = models.ForeignKey(
        "plan.Action", verbose_name="action", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("année")
    amount = models.DecimalField("dépenses (€)", max_digits=12, decimal_places=2)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = ActionExpenseQuerySet.as_manager()

    class Meta:
        verbose_name = "dépenses d’une action"
        verbose_name_plural = "dépenses des actions"
        ordering = ["year", "action"]
        constraints = [
            models.UniqueConstraint(fields=["action", "year"], name="action_expense_once_a_year"),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="action_expense_not_negative",
                violation_error_message="Une dépense ne peut pas être négative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} – action {self.action_id} : {self.amount} €"
