# bench-group: pure
# A small ray tracer: spheres and a plane, point lights, shadows, reflections.
# Stresses: OOP with many small Vector objects, operator overloading
# (__add__, __sub__, __mul__, __neg__), isinstance, float math, exceptions
# used for control flow, tuples, min() over generator.

EPSILON = 0.00001


def sqrt(x):
    return x ** 0.5


class Vector(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return f"Vector({self.x:.4f}, {self.y:.4f}, {self.z:.4f})"

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return sqrt(self.dot(self))

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def normalized(self):
        return self * (1.0 / self.magnitude())

    def reflect_through(self, normal):
        d = normal * self.dot(normal)
        return self - d * 2.0


ZERO = Vector(0.0, 0.0, 0.0)
UP = Vector(0.0, 1.0, 0.0)


class Ray(object):
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at(self, t):
        return self.point + self.vector * t


class NoHit(Exception):
    pass


class Sphere(object):
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        discriminant = self.radius * self.radius - (cp.dot(cp) - v * v)
        if discriminant < 0:
            raise NoHit()
        return v - sqrt(discriminant)

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Halfspace(object):
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return (self.point - ray.point).dot(self.normal) / v
        raise NoHit()

    def normal_at(self, p):
        return self.normal


class Colour(object):
    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def add(self, other):
        return Colour(self.r + other.r, self.g + other.g, self.b + other.b)

    def scale(self, k):
        return Colour(self.r * k, self.g * k, self.b * k)


class Material(object):
    def __init__(self, colour, diffuse, reflect, checker):
        self.colour = colour
        self.diffuse = diffuse
        self.reflect = reflect
        self.checker = checker

    def colour_at(self, p):
        if self.checker:
            ix = int(p.x + 1000.0)
            iz = int(p.z + 1000.0)
            if (ix + iz) % 2 == 0:
                return Colour(0.1, 0.1, 0.1)
        return self.colour


class Scene(object):
    def __init__(self):
        self.objects = []
        self.lights = []
        self.eye = Vector(0.0, 1.8, 10.0)
        self.look_at = Vector(0.0, 3.0, 0.0)
        self.field_of_view = 45.0
        self.recursion_depth = 0

    def add_object(self, obj, material):
        self.objects.append((obj, material))

    def add_light(self, p):
        self.lights.append(p)

    def closest_hit(self, ray):
        best_t = None
        best = None
        for obj, mat in self.objects:
            try:
                t = obj.intersection_time(ray)
            except NoHit:
                continue
            if t > EPSILON and (best_t is None or t < best_t):
                best_t = t
                best = (obj, mat)
        if best is None:
            return None
        return best_t, best[0], best[1]

    def light_is_visible(self, light, p):
        ray = Ray(p, light - p)
        length = (light - p).magnitude()
        for obj, mat in self.objects:
            try:
                t = obj.intersection_time(ray)
            except NoHit:
                continue
            if EPSILON < t < length:
                return False
        return True

    def ray_colour(self, ray, depth):
        if depth > 3:
            return Colour(0.0, 0.0, 0.0)
        hit = self.closest_hit(ray)
        if hit is None:
            return Colour(0.05, 0.05, 0.15)
        t, obj, mat = hit
        p = ray.point_at(t)
        normal = obj.normal_at(p)
        base = mat.colour_at(p)
        lambert = 0.0
        for light in self.lights:
            if self.light_is_visible(light, p):
                contribution = (light - p).normalized().dot(normal)
                if contribution > 0:
                    lambert += contribution
        if lambert > 1.0:
            lambert = 1.0
        c = base.scale(0.1 + mat.diffuse * lambert)
        if mat.reflect > 0:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            c = c.add(self.ray_colour(reflected, depth + 1).scale(mat.reflect))
        return c

    def render(self, width, height):
        fov = self.field_of_view * 3.141592653589793 / 180.0
        half_width = 0.4142 * fov / 0.7854
        half_height = half_width * height / width
        pixel_width = half_width * 2.0 / (width - 1)
        pixel_height = half_height * 2.0 / (height - 1)
        eye_vector = (self.look_at - self.eye).normalized()
        vpRight = eye_vector.cross(UP).normalized()
        vpUp = vpRight.cross(eye_vector).normalized()
        rows = []
        for y in range(height):
            row = []
            for x in range(width):
                xcomp = vpRight * (x * pixel_width - half_width)
                ycomp = vpUp * ((height - 1 - y) * pixel_height - half_height)
                ray = Ray(self.eye, eye_vector + xcomp + ycomp)
                c = self.ray_colour(ray, 0)
                row.append((clamp(c.r), clamp(c.g), clamp(c.b)))
            rows.append(row)
        return rows


def clamp(v):
    i = int(v * 255.0)
    if i < 0:
        return 0
    if i > 255:
        return 255
    return i


def build_scene():
    s = Scene()
    s.add_light(Vector(30.0, 30.0, 10.0))
    s.add_light(Vector(-10.0, 100.0, 30.0))
    s.add_object(Sphere(Vector(1.0, 3.0, -10.0), 2.0), Material(Colour(1.0, 1.0, 0.0), 0.8, 0.3, False))
    for y in range(6):
        s.add_object(Sphere(Vector(-3.0 - y * 0.4, 2.3, -5.0), 0.4),
                     Material(Colour(y / 6.0, 1.0 - y / 6.0, 0.5), 0.7, 0.2, False))
    s.add_object(Halfspace(Vector(0.0, 0.0, 0.0), UP), Material(Colour(0.8, 0.8, 0.8), 0.6, 0.25, True))
    return s


def main(width, height):
    rows = build_scene().render(width, height)
    checksum = 0
    shades = " .:-=+*#%@"
    for y in range(0, height, height // 12):
        line = []
        for x in range(0, width, width // 40):
            r, g, b = rows[y][x]
            line.append(shades[(r + g + b) * 10 // 766])
        print("".join(line))
    for row in rows:
        for r, g, b in row:
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
    print(f"checksum: {checksum}")


main(280, 210)
