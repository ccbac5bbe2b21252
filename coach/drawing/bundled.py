"""The drawing of every exercise in the bundled library, keyed by exercise id.

Kept apart from `routines/exercises.yaml` so words and pictures change independently; a library
entry may still name another drawing (`drawing: toe-raise`) or define its own poses.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from coach.drawing.figures import (
    FOOT,
    SHIN,
    TOES,
    Points,
    arc,
    arrow,
    bend_toes,
    floor,
    floor_points,
    leg,
    leg_strokes,
    lift_forefoot,
    named,
    raise_heel,
    shift,
    stick_strokes,
    turn,
    with_thigh,
)
from coach.drawing.model import Drawing, Point, Stroke, View, circle, line, make_drawing

_LEG = SHIN + FOOT + TOES


def _made(
    drawing_id: str,
    strokes: tuple[Stroke, ...],
    a: Points,
    b: Points | None = None,
    view: View = "side",
) -> Drawing:
    return make_drawing(drawing_id, strokes, a, b, view)


# -- standing, close up ---------------------------------------------------------------------


def toe_raise() -> Drawing:
    a = {**leg((24, 8)), **floor_points()}
    return _made("toe-raise", (*leg_strokes(), floor()), a, lift_forefoot(a, 20))


def calf_raise() -> Drawing:
    a = {**leg((22, 8)), **floor_points()}
    return _made("calf-raise", (*leg_strokes(), floor()), a, raise_heel(a, 32))


def single_leg_calf_raise() -> Drawing:
    """On one foot, the other bent up behind, fingertips on a wall: the whole body rises."""
    a = {
        "head": (30.0, 27.5),
        "neck": (30.0, 24.0),
        "hip": (30.0, 13.0),
        "elbow": (37.0, 17.0),
        "hand": (44.0, 20.0),
        "knee": (31.0, 7.0),
        "ankle": (30.0, 2.0),
        "heel": (28.5, 1.0),
        "toe": (35.5, 1.0),
        "knee2": (32.0, 7.5),
        "ankle2": (24.0, 6.5),
        "heel2": (23.5, 8.0),
        "toe2": (20.0, 4.0),
    }
    a |= {"wall_top": (46.0, 31.0), "wall_foot": (46.0, 0.0), **floor_points()}
    body = [name for name in a if not name.startswith(("wall", "floor", "toe"))]
    b = shift(a, [n for n in body if n != "hand"], 0, 3)
    b |= {"heel": (30.5, 3.5), "toe2": (20.0, 7.0)}
    strokes = (*stick_strokes(), line("wall_top", "wall_foot", prop=True), floor())
    return _made("single-leg-calf-raise", strokes, a, b)


def heel_toe_rocks() -> Drawing:
    """Rocking between up on the balls of the feet and up on the heels, toes lifted."""
    flat = {**leg((24, 8)), **floor_points()}
    return _made(
        "heel-toe-rocks", (*leg_strokes(), floor()), raise_heel(flat, 28), lift_forefoot(flat, 20)
    )


# -- seated ----------------------------------------------------------------------------------


def _seated(size: float = 0.75, ankle_x: float = 30) -> Points:
    a = leg((ankle_x, 1 + 7 * size), size)
    a = with_thigh(a, 0, size)
    chair = {"seat_front": (a["hip_bottom"][0] + 12, a["hip_bottom"][1] - 1)}
    chair["seat_back"] = (0.0, chair["seat_front"][1])
    chair["chair_foot"] = (chair["seat_front"][0], 0.0)
    return {**a, **chair, **floor_points()}


_CHAIR = (line("seat_back", "seat_front", "chair_foot", prop=True), floor())


def seated_heel_raise() -> Drawing:
    a = _seated()
    strokes = (*leg_strokes(thigh=True), *_CHAIR)
    return _made("seated-heel-raise", strokes, a, raise_heel(a, 30))


def _foot_close(size: float = 1.7, ankle_x: float = 8) -> Points:
    return {**leg((ankle_x, 1 + 7 * size), size), **floor_points()}


def toe_curls() -> Drawing:
    a = _foot_close()
    return _made("toe-curls", (*leg_strokes(), floor()), a, bend_toes(a, 50, -120))


def short_foot() -> Drawing:
    """The arch lifts and the ball of the foot draws back toward the heel; toes stay long."""
    a = _foot_close()
    s = 1.7
    b = shift(a, ("arch",), 0, 2.2 * s)
    b = shift(b, ("instep",), 0, 1.5 * s)
    b = shift(b, ("ball", "toe_base_top", *TOES), -1.6 * s, 0)
    return _made("short-foot", (*leg_strokes(), floor()), a, b)


def towel_scrunch() -> Drawing:
    """Toes curl and pull the towel into a ruck in front of the foot."""
    s = 1.4
    a = leg((10, 1 + 7 * s), s)
    towel = {"towel_end": (0.0, 0.0), "towel_1": (34.0, 0.0), "towel_2": (44.0, 0.0)}
    towel |= {"towel_3": (52.0, 0.0), "towel_4": (59.0, 0.0), "towel_edge": (59.0, 2.0)}
    a |= towel
    b = bend_toes(a, 45, -115)
    b |= {"towel_1": (35.0, 0.0), "towel_2": (39.0, 5.0), "towel_3": (43.0, 0.0)}
    b |= {"towel_4": (51.0, 0.0), "towel_edge": (51.0, 2.0)}
    strokes = (
        *leg_strokes(),
        line("towel_end", "towel_1", "towel_2", "towel_3", "towel_4", "towel_edge", prop=True),
    )
    return _made("towel-scrunch", strokes, a, b)


def marble_pickup() -> Drawing:
    """The marble waits in front of the toes, then rides up in their curl."""
    s = 1.4
    a = {**leg((8, 1 + 7 * s), s), **floor_points()}
    a["marble"] = (41.0, 4.0)
    b = shift(a, _LEG, 0, 6)
    b = bend_toes(b, 35, -105)
    tip = b["tip"]
    b["marble"] = (tip[0] + 2.0, tip[1] - 2.0)
    strokes = (*leg_strokes(), floor(), circle("marble", 3.0, prop=True))
    return _made("marble-pickup", strokes, a, b)


def ball_roll() -> Drawing:
    """The foot rests on a ball and rolls it from under the heel to under the toes."""
    s, r = 1.2, 4.5
    a = {**leg((20, 2 * r + 1 + 7 * s), s), **floor_points()}
    a["ball_prop"] = (a["arch"][0] - 5, r + 0.5)
    b = shift(a, _LEG, -10, 0)
    b["ball_prop"] = (b["ball"][0] - 1, r + 0.5)
    strokes = (*leg_strokes(), floor(), circle("ball_prop", r, prop=True))
    return _made("ball-roll", strokes, a, b)


# -- foot in the air ---------------------------------------------------------------------------


def _raised(size: float = 1.1, ankle: Point = (16.0, 19.0)) -> Points:
    """A foot lifted off the floor, toes relaxed a little downward."""
    a = leg(ankle, size)
    return turn(a, named("", FOOT + TOES), a["ankle"], -12)


def ankle_circles() -> Drawing:
    """The foot off the floor; the big toe draws a wide circle, moving only at the ankle."""
    a = {**_raised(), **floor_points()}
    tx, ty = a["tip"]
    path, *strokes = arrow("path_", arc((tx + 6, ty), 6, 190, 510, 12), head=2.5)
    a |= path
    b = turn(a, named("", FOOT + TOES), a["ankle"], 8)
    return _made("ankle-circles", (*leg_strokes(), floor(), *strokes), a, b)


def ankle_alphabet() -> Drawing:
    """The foot off the floor, the big toe writing a letter A in the air."""
    a = {**_raised(), **floor_points()}
    tx, ty = a["tip"]
    letter = {"a_left": (tx + 3, ty - 4), "a_top": (tx + 8, ty + 12), "a_right": (tx + 13, ty - 4)}
    letter |= {"a_bar_l": (tx + 5, ty + 2.5), "a_bar_r": (tx + 11, ty + 2.5)}
    a |= letter
    strokes = (
        *leg_strokes(),
        floor(),
        line("a_left", "a_top", "a_right", prop=True),
        line("a_bar_l", "a_bar_r", prop=True),
    )
    return _made("ankle-alphabet", strokes, a)


def point_and_flex() -> Drawing:
    """Leg out straight on the floor: toes pulled up toward you, then pointed away."""
    a = leg((0, 0))
    a = turn(a, a, (0, 0), 90)  # the knee to the left, the shin level, the toes up
    a = shift(a, a, 38 - a["ankle"][0], 1 - a["heel_back"][1])
    a |= {"thigh_top": (0.0, a["knee_front"][1]), "thigh_bottom": (0.0, a["knee_back"][1])}
    a |= floor_points()
    b = turn(a, named("", FOOT + TOES), a["ankle"], -70)
    strokes = (
        *leg_strokes(),
        line("thigh_top", "knee_front"),
        line("thigh_bottom", "knee_back"),
        floor(),
    )
    return _made("point-and-flex", strokes, a, b)


def plantar_fascia_stretch() -> Drawing:
    """The foot off the floor; the toes are pulled back toward the shin, stretching the sole."""
    a = _raised(1.3, (12.0, 18.0))
    b = bend_toes(a, 55, 10)
    points, *strokes = arrow("pull_", arc(a["ball"], 14, 5, 75))
    a |= points
    b |= points
    return _made("plantar-fascia-stretch", (*leg_strokes(), *strokes), a, b)


def big_toe_stretch() -> Drawing:
    """The foot off the floor; the big toe is eased down, then up and back."""
    a = _raised(1.2, (12.0, 22.0))
    a = bend_toes(a, -30, 0)
    b = bend_toes(a, 80, 0)
    up, *up_strokes = arrow("up_", arc(a["ball"], 11, -20, 50, 5))
    down, *down_strokes = arrow("down_", arc(a["ball"], 11, 10, -55, 5))
    a |= up | down
    b |= up | down
    strokes = (*leg_strokes(), *up_strokes, *down_strokes)
    return _made("big-toe-stretch", strokes, a, b)


# -- calf close up: rubbing, warmth, cold ------------------------------------------------------


def _calf(size: float = 1.0) -> Points:
    return {**leg((30, 8), size), **floor_points()}


def cramp_massage() -> Drawing:
    """Rubbing the calf: strokes over the muscle, moving from below the knee toward the heel."""
    a = _calf()
    cx, cy = a["calf"]

    def rubbing(top: float) -> Points:
        return {f"rub{i}": (cx - 3 + (6 if i % 2 else 0), top - 2 * i) for i in range(5)}

    a |= rubbing(cy + 8)
    b = a | rubbing(cy + 1)
    strokes: list[Stroke] = [*leg_strokes(), floor(), line(*(f"rub{i}" for i in range(5)))]
    for name, end in (("rub_up_", cy + 9), ("rub_down_", cy - 7)):
        points, *lines = arrow(name, [(cx - 12, cy + 1), (cx - 12, end)], head=2.5)
        a |= points
        b |= points
        strokes += lines
    return _made("cramp-massage", tuple(strokes), a, b)


def cramp_warmth() -> Drawing:
    """A warm towel wrapped round the calf, warmth rising beside it."""
    a = _calf()
    cx, cy = a["calf"]
    fx = a["knee_front"][0]
    bands = {}
    strokes: list[Stroke] = [*leg_strokes(), floor()]
    for i, dy in enumerate((5.0, 1.0, -3.0)):
        bands[f"w{i}a"] = (cx - 2, cy + dy)
        bands[f"w{i}b"] = (fx + 2, cy + dy + 1.5)
        strokes.append(line(f"w{i}a", f"w{i}b", prop=True))
    steam = {}
    for i, x in enumerate((cx - 12, cx - 7)):
        names = []
        for j in range(6):
            steam[f"s{i}{j}"] = (x + (1.5 if j % 2 else 0), cy - 2 + 3 * j)
            names.append(f"s{i}{j}")
        strokes.append(line(*names, prop=True))
    a |= bands | steam
    return _made("cramp-warmth", tuple(strokes), a)


def cramp_cold() -> Drawing:
    """A wrapped ice pack held against the calf."""
    a = _calf()
    cx, cy = a["calf"]
    pack = {"p1": (cx - 9, cy + 4), "p2": (cx - 1, cy + 4), "p3": (cx - 1, cy - 4)}
    pack["p4"] = (cx - 9, cy - 4)
    mx, my = cx - 5, cy
    flake = {
        "f1": (mx - 2.5, my),
        "f2": (mx + 2.5, my),
        "f3": (mx - 1.5, my - 2.5),
        "f4": (mx + 1.5, my + 2.5),
        "f5": (mx - 1.5, my + 2.5),
        "f6": (mx + 1.5, my - 2.5),
    }
    a |= pack | flake
    strokes = (
        *leg_strokes(),
        floor(),
        line("p1", "p2", "p3", "p4", "p1", prop=True),
        line("f1", "f2", prop=True),
        line("f3", "f4", prop=True),
        line("f5", "f6", prop=True),
    )
    return _made("cramp-cold", strokes, a)


# -- whole body --------------------------------------------------------------------------------


def _wall() -> Points:
    return {"wall_top": (57.0, 31.0), "wall_foot": (57.0, 0.0), **floor_points()}


_WALL = (line("wall_top", "wall_foot", prop=True), floor())


def _lunge(back_knee_bend: float) -> tuple[Points, Points]:
    """Facing a wall, one foot back: upright first, then leaning in with the front knee bent."""
    a = {
        "head": (40.0, 27.5),
        "neck": (40.0, 24.0),
        "hip": (38.0, 13.0),
        "elbow": (46.0, 18.0),
        "hand": (52.0, 21.0),
        "knee2": (43.0, 7.0),
        "ankle2": (44.0, 2.0),
        "heel2": (43.0, 1.0),
        "toe2": (48.0, 1.0),
        "knee": (31.0, 7.0),
        "ankle": (24.0, 2.0),
        "heel": (23.0, 1.0),
        "toe": (28.0, 1.0),
    }
    a |= _wall()
    b = dict(a)
    b |= {"head": (49.0, 26.0), "neck": (47.5, 23.0), "hip": (39.0, 12.0)}
    b |= {"elbow": (52.0, 20.0), "hand": (56.0, 22.0), "knee2": (47.0, 7.0)}
    if back_knee_bend:
        b |= {"hip": (37.0, 10.0), "knee": (30.5, 5.0), "head": (47.0, 24.0), "neck": (45.5, 21.0)}
        b |= {"elbow": (50.0, 18.0), "knee2": (46.0, 6.0)}
    return a, b


def calf_stretch() -> Drawing:
    a, b = _lunge(0)
    return _made("calf-stretch", (*stick_strokes(), *_WALL), a, b)


def soleus_stretch() -> Drawing:
    a, b = _lunge(1)
    return _made("soleus-stretch", (*stick_strokes(), *_WALL), a, b)


def towel_calf_stretch() -> Drawing:
    """Sitting with the leg out straight, a towel round the ball of the foot pulled toward you."""
    a = {
        "head": (11.0, 27.0),
        "neck": (11.0, 23.5),
        "hip": (9.0, 3.0),
        "elbow": (18.0, 13.0),
        "hand": (26.0, 16.0),
        "knee": (28.0, 3.0),
        "ankle": (46.0, 3.0),
        "heel": (45.0, 1.0),
        "toe": (50.0, 8.0),
        "knee2": (28.0, 4.0),
        "ankle2": (46.0, 4.0),
        "heel2": (45.0, 1.5),
        "toe2": (50.0, 8.5),
        "loop": (51.5, 6.0),
        **floor_points(),
    }
    b = a | {"head": (9.5, 26.5), "neck": (10.0, 23.0), "elbow": (15.0, 12.0), "hand": (22.0, 15.0)}
    b |= {"toe": (48.5, 9.5), "toe2": (48.5, 10.0), "loop": (50.5, 8.0)}
    strokes = (*stick_strokes(), floor(), line("hand", "loop", "ankle", prop=True))
    return _made("towel-calf-stretch", strokes, a, b)


def hamstring_stretch() -> Drawing:
    """On the edge of a chair, one leg out straight on its heel; lean forward from the hips."""
    a = {
        "head": (14.0, 28.0),
        "neck": (14.0, 24.5),
        "hip": (13.0, 13.0),
        "elbow": (20.0, 17.0),
        "hand": (27.0, 13.0),
        "knee": (30.0, 9.0),
        "ankle": (45.0, 3.0),
        "heel": (45.0, 1.0),
        "toe": (47.0, 7.0),
        "knee2": (26.0, 13.0),
        "ankle2": (26.0, 2.0),
        "heel2": (25.0, 1.0),
        "toe2": (30.0, 1.0),
        "seat_back": (2.0, 12.0),
        "seat_front": (20.0, 12.0),
        "chair_foot": (20.0, 0.0),
        "chair_back": (2.0, 26.0),
        "chair_back_foot": (2.0, 0.0),
        **floor_points(),
    }
    b = a | {"head": (27.0, 22.5), "neck": (24.0, 20.0), "elbow": (30.0, 14.0), "hand": (35.0, 8.0)}
    strokes = (
        *stick_strokes(),
        floor(),
        line("chair_back", "chair_back_foot", prop=True),
        line("seat_back", "seat_front", "chair_foot", prop=True),
    )
    return _made("hamstring-stretch", strokes, a, b)


def cramp_walk() -> Drawing:
    """Mid-stride, walking to the right, arms swinging."""
    a = {
        "head": (31.0, 28.0),
        "neck": (30.5, 24.5),
        "hip": (29.0, 13.0),
        "elbow": (34.0, 18.5),
        "hand": (37.0, 14.0),
        "knee": (35.0, 7.5),
        "ankle": (38.0, 2.0),
        "heel": (37.0, 1.0),
        "toe": (42.0, 2.5),
        "knee2": (26.0, 7.0),
        "ankle2": (20.0, 3.0),
        "heel2": (19.0, 3.5),
        "toe2": (23.0, 1.0),
        **floor_points(),
    }
    a |= {"elbow_back": (26.5, 18.5), "hand_back": (23.0, 14.0)}
    strokes = (*stick_strokes(), line("neck", "elbow_back", "hand_back"), floor())
    return _made("cramp-walk", strokes, a)


def march_on_the_spot() -> Drawing:
    """Marching on the spot: one knee lifts, the opposite arm swings forward, then the other."""
    a = {
        "head": (30.0, 28.0),
        "neck": (30.0, 24.5),
        "hip": (30.0, 13.0),
        "elbow": (33.5, 18.5),
        "hand": (37.0, 15.5),
        "elbow_back": (27.0, 18.5),
        "hand_back": (24.5, 14.5),
        "knee": (36.0, 11.0),
        "ankle": (35.0, 4.5),
        "heel": (33.5, 5.0),
        "toe": (38.5, 4.0),
        "knee2": (27.0, 7.0),  # the far leg, a little behind the near one
        "ankle2": (26.0, 2.0),
        "heel2": (24.5, 1.0),
        "toe2": (30.0, 1.0),
        **floor_points(),
    }
    b = a | {
        "elbow": (27.0, 18.5),
        "hand": (24.5, 14.5),
        "elbow_back": (33.5, 18.5),
        "hand_back": (37.0, 15.5),
        "knee": (30.0, 7.0),
        "ankle": (30.0, 2.0),
        "heel": (28.5, 1.0),
        "toe": (34.0, 1.0),
        "knee2": (33.0, 11.0),
        "ankle2": (32.0, 4.5),
        "heel2": (30.5, 5.0),
        "toe2": (35.5, 4.0),
    }
    strokes = (*stick_strokes(), line("neck", "elbow_back", "hand_back"), floor())
    return _made("march-on-the-spot", strokes, a, b)


#: Each bundled exercise's drawing; two cramp stretches share the picture of the same movement.
BUILDERS: dict[str, Callable[[], Drawing]] = {
    "ankle-circles": ankle_circles,
    "ankle-alphabet": ankle_alphabet,
    "point-and-flex": point_and_flex,
    "calf-raise": calf_raise,
    "seated-heel-raise": seated_heel_raise,
    "single-leg-calf-raise": single_leg_calf_raise,
    "toe-raise": toe_raise,
    "toe-curls": toe_curls,
    "toe-splay": lambda: toe_splay(),
    "short-foot": short_foot,
    "towel-scrunch": towel_scrunch,
    "marble-pickup": marble_pickup,
    "calf-stretch": calf_stretch,
    "soleus-stretch": soleus_stretch,
    "towel-calf-stretch": towel_calf_stretch,
    "hamstring-stretch": hamstring_stretch,
    "plantar-fascia-stretch": plantar_fascia_stretch,
    "big-toe-stretch": big_toe_stretch,
    "ball-roll": ball_roll,
    "cramp-stretch-calf": towel_calf_stretch,
    "cramp-stretch-foot": plantar_fascia_stretch,
    "cramp-massage": cramp_massage,
    "cramp-walk": cramp_walk,
    "march-on-the-spot": march_on_the_spot,
    "heel-toe-rocks": heel_toe_rocks,
    "cramp-warmth": cramp_warmth,
    "cramp-cold": cramp_cold,
}


def _footprint(centre: float, prefix: str, flip: bool) -> tuple[Points, Points, list[Stroke]]:
    """A foot seen from above, toes up: the sole's outline and five round toes, first close
    together, then fanned out. `flip` makes it a left foot (big toe on the right)."""

    def x(dx: float) -> float:
        return centre - dx if flip else centre + dx

    outline = [
        (-3.0, 1.0), (3.0, 1.0), (5.0, 4.0), (6.0, 10.0), (7.0, 16.0), (7.0, 19.5),
        (5.5, 21.5), (-5.5, 21.5), (-6.5, 18.0), (-4.0, 12.0), (-4.5, 6.0), (-5.0, 3.0),
    ]  # fmt: skip
    names = [f"{prefix}o{i}" for i in range(len(outline))]
    a: Points = {name: (x(dx), y) for name, (dx, y) in zip(names, outline, strict=True)}
    toes = [
        (-4.0, 25.5, 2.1),
        (0.2, 26.7, 1.3),
        (3.2, 26.2, 1.2),
        (5.8, 25.0, 1.1),
        (7.8, 23.2, 1.0),
    ]
    spread = [14.0, 2.0, -9.0, -19.0, -30.0]
    b = dict(a)
    strokes = [line(*names, names[0])]
    for i, ((dx, y, radius), angle) in enumerate(zip(toes, spread, strict=True)):
        name = f"{prefix}t{i}"
        a[name] = (x(dx), y)
        turned = turn({name: (dx, y)}, (name,), (0.0, 17.0), angle)[name]
        b[name] = (x(turned[0] * 1.1), turned[1] + 0.6)
        strokes.append(circle(name, radius))
    return a, b, strokes


def toe_splay() -> Drawing:
    """Both feet from above, toes up: the toes fan out wide, then close again."""
    left_a, left_b, left = _footprint(17.0, "l_", flip=True)
    right_a, right_b, right = _footprint(42.0, "r_", flip=False)
    strokes = tuple(left + right)
    return _made("toe-splay", strokes, left_a | right_a, left_b | right_b, view="top")


@cache
def bundled_drawings() -> dict[str, Drawing]:
    """Every bundled drawing by exercise id, built once."""
    out = {}
    for exercise_id, build in BUILDERS.items():
        drawing = build()
        out[exercise_id] = drawing if drawing.id == exercise_id else _renamed(drawing, exercise_id)
    return out


def _renamed(drawing: Drawing, new_id: str) -> Drawing:
    return Drawing(new_id, drawing.strokes, drawing.start, drawing.end, drawing.view)
