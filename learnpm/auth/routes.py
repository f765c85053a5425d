from functools import cache

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db, limiter
from ..models import User, utcnow
from . import bp
from .emails import send_confirmation, send_reset
from .forms import LoginForm, NewPasswordForm, ProfileForm, RegisterForm, ResetRequestForm
from .services import normalise_email, safe_next, user_by_email
from .tokens import Purpose, TokenError, read


def _email_key() -> str:
    return (request.form.get("email") or "").strip().lower() or request.remote_addr or "-"


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = RegisterForm()
    if form.validate_on_submit():
        if user_by_email(form.email.data):
            form.email.errors.append("An account with this email exists. Log in instead.")
        else:
            user = User(name=form.name.data.strip(), email=normalise_email(form.email.data))
            user.set_password(form.password.data)
            db.session.add(user)
            db.session.commit()
            login_user(user)
            send_confirmation(user)
            flash(f"Welcome to LearnPM, {user.name}. Start with a module or a learning path. "
                  f"We sent a link to {user.email} to confirm your address.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("main.dashboard"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@limiter.limit("5 per minute", key_func=_email_key, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = user_by_email(form.email.data)
        password_ok = (user.check_password(form.password.data) if user
                       else _check_dummy(form.password.data))
        if user and password_ok and user.active:
            login_user(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("main.dashboard"))
        form.password.errors.append("That email and password don't match an active account.")
    return render_template("auth/login.html", form=form)


@cache
def _dummy_hash() -> str:
    return generate_password_hash("no account has this password")


def _check_dummy(password: str) -> bool:
    """Hash anyway when the email is unknown, so a miss takes as long as a wrong password."""
    check_password_hash(_dummy_hash(), password)
    return False


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You have logged out.", "info")
    return redirect(url_for("main.home"))


@bp.route("/account/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        form.populate_obj(current_user)
        db.session.commit()
        flash("Your profile is saved.", "success")
        return redirect(url_for("auth.profile"))
    return render_template("auth/profile.html", form=form)


@bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@limiter.limit("5 per minute", key_func=_email_key, methods=["POST"])
def forgot_password():
    """Send a reset link. The answer is the same whether or not the address has an account."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = user_by_email(form.email.data)
        if user is not None and user.active:
            send_reset(user)
        flash("If an account uses that address, a link to reset the password is on its way. "
              "It works once, for an hour.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form), 422 if form.errors else 200


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def reset_password(token: str):
    try:
        user, _ = read(token, Purpose.RESET)
    except TokenError as problem:
        return render_template("account/link_problem.html", problem=str(problem),
                               again=url_for("auth.forgot_password")), 400
    form = NewPasswordForm(email=user.email)
    if form.validate_on_submit():
        user.set_password(form.password.data)  # also signs out every existing session
        if user.email_confirmed_at is None:
            user.email_confirmed_at = utcnow()  # the link proved they read this inbox
        db.session.commit()
        login_user(user)
        flash("Your password is changed, and you are signed in.", "success")
        return redirect(url_for("main.dashboard"))
    return render_template("auth/reset.html", form=form, user=user), \
        422 if form.errors else 200
