"""Every model, imported here so Alembic's autogenerate sees them all."""
from .account import ReminderKind, ReminderSetting, SentReminder
from .career import CareerGoal, GoalStatus, LearnerProfile
from .certification import (
    CertificationRecord,
    CertStatus,
    EducationEntry,
    ExperienceEntry,
    RenewalActivity,
)
from .editorial import (
    BankFile,
    ContentVersion,
    QuestionReport,
    ReportReason,
    ReportStatus,
    RetiredQuestion,
)
from .mentoring import (
    Assignment,
    AssignmentKind,
    Cohort,
    CohortMember,
    Comment,
    CommentSubject,
    LinkStatus,
    MentorLink,
    MentorRating,
    Notification,
)
from .progress import ModuleProgress
from .quiz import Attempt, AttemptItem, Mode, ReviewCard, Status
from .skills import Assessment, SkillRating
from .study import ExamDate, JournalEntry, Star
from .user import Role, User, utcnow

__all__ = ["Assessment", "Assignment", "AssignmentKind", "Attempt", "AttemptItem", "BankFile",
           "CareerGoal", "ContentVersion",
           "CertStatus", "CertificationRecord", "Cohort", "CohortMember", "Comment",
           "CommentSubject", "EducationEntry", "ExamDate", "ExperienceEntry", "GoalStatus",
           "JournalEntry", "LearnerProfile", "QuestionReport", "ReportReason", "ReportStatus",
           "RetiredQuestion", "Star",
           "LinkStatus", "MentorLink", "MentorRating", "Mode", "ModuleProgress", "Notification",
           "ReminderKind", "ReminderSetting", "RenewalActivity", "ReviewCard", "Role",
           "SentReminder", "SkillRating", "Status", "User", "utcnow"]
